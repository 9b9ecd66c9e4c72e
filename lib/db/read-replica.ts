import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { CLIENT_OMIT, getDb } from "./client";
import { PrismaClient } from "./generated/client";

/*
 * A PostgreSQL standby (streaming replication) for the reads that may be a moment behind and cost
 * the most: the public snapshot's build, the reviewers' queue and the exports. Set
 * DATABASE_REPLICA_URL beside DATABASE_URL. Writes, and everything else, stay on the primary; a
 * person who has just written reads from the primary until the standby has replayed that write;
 * a standby that does not answer is left alone for a while and the primary serves.
 */
const DOWN_FOR_MS = 10_000;
/** How far behind (seconds of replay) a standby may be for reads that do not wait for a write. */
const MAX_LAG_S = 30;
type State = { client?: PrismaClient; url?: string; downUntil: number; reads: number; fallbacks: number };
const state: State = ((globalThis as { __fingertipReplica?: State }).__fingertipReplica ??= {
  downUntil: 0,
  reads: 0,
  fallbacks: 0,
});

/** How many reads the standby served and how many it handed to the primary (behind, or not answering). */
export function replicaStats(): { reads: number; fallbacks: number } {
  return { reads: state.reads, fallbacks: state.fallbacks };
}

/** The standby's address; none for the embedded database, which is one process's. */
export function replicaUrl(env: Record<string, string | undefined> = process.env): string | null {
  const url = env.DATABASE_REPLICA_URL?.trim();
  return url && env.DATABASE_URL?.trim() ? url : null;
}

function replicaClient(url: string): PrismaClient {
  if (state.client && state.url === url) return state.client;
  void state.client?.$disconnect();
  state.url = url;
  state.client = new PrismaClient({
    adapter: new PrismaPg({ connectionString: url, connectionTimeoutMillis: 2_000 }),
    omit: CLIENT_OMIT,
  });
  return state.client;
}

/**
 * The client for a read that may come from the standby: the standby when one is set, answers, and
 * has replayed `after` (the primary's write position after the reader's own last write); else the primary.
 */
export async function readDb(after?: string | null): Promise<PrismaClient> {
  const url = replicaUrl();
  if (!url || Date.now() < state.downUntil) return getDb();
  const db = replicaClient(url);
  try {
    const position = after ?? null;
    // A standby, past the reader's own write, and not far behind: everything it received is
    // replayed, or it replayed something within the last MAX_LAG (a paused or stuck replay is not).
    const [row] = await db.$queryRaw<{ ok: boolean | null }[]>`
      SELECT pg_is_in_recovery()
        AND (${position}::pg_lsn IS NULL OR pg_last_wal_replay_lsn() >= ${position}::pg_lsn)
        AND (pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn()
          OR now() - pg_last_xact_replay_timestamp() < make_interval(secs => ${MAX_LAG_S})) AS ok`;
    if (row?.ok) {
      state.reads++;
      return db;
    }
    state.fallbacks++;
    return getDb();
  } catch (error) {
    state.fallbacks++;
    replicaFailed(error);
    return getDb();
  }
}

/** Marks the standby as failing (it did not answer, or a read on it broke): the primary serves for a while. */
export function replicaFailed(error: unknown): void {
  state.downUntil = Date.now() + DOWN_FOR_MS;
  console.warn(
    `Read replica failing; the primary serves for ${DOWN_FOR_MS / 1000} s: ${String((error as Error)?.message ?? error).split("\n")[0]}`,
  );
}

/** Reads that must include everything committed so far (a release, an export): the standby only when it has all of it. */
export async function completeReadDb(): Promise<PrismaClient> {
  return readDb(await writePosition());
}

/**
 * The primary's position after everything committed so far, for a writer's next reads to wait for
 * (the insert position: with synchronous_commit off, the write position can still be short of a
 * commit that has returned); null without a standby.
 */
export async function writePosition(): Promise<string | null> {
  if (!replicaUrl()) return null;
  const db = await getDb();
  const [row] = await db.$queryRaw<{ lsn: string }[]>`SELECT pg_current_wal_insert_lsn()::text AS lsn`;
  return row?.lsn ?? null;
}

export async function closeReplica(): Promise<void> {
  const client = state.client;
  state.client = undefined;
  state.url = undefined;
  Object.assign(state, { downUntil: 0, reads: 0, fallbacks: 0 });
  await client?.$disconnect();
}
