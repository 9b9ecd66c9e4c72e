import "server-only";
import { Prisma } from "@/lib/db/generated/client";
import type { RawReader } from "@/lib/db/read-all";

/** resolved_reason of a flag whose condition no longer holds. */
export const CLEARED = "condition_cleared";

/**
 * What a recompute needs to know of a stored flag: `live` (open or confirmed: resolved if its
 * finding is gone), `cleared` (resolved because its condition no longer held: reopened if the
 * finding returns) and the digest of the finding it holds.
 */
export type FlagState = { id: number; live: boolean; cleared: boolean; digest: string };

const CHUNK = 200_000;

/**
 * The state of every flag (or of those with the given subject keys), by subject key. Read as one
 * line of text per flag: a province has millions of flags, and rows through the ORM took twice
 * as long as the detectors that judge them.
 */
export async function readFlagStates(db: RawReader, keys?: readonly string[]): Promise<Map<string, FlagState>> {
  const out = new Map<string, FlagState>();
  const only = keys ? Prisma.sql`AND subject_key = ANY(${[...keys]}::text[])` : Prisma.empty;
  for (let after = 0; ; ) {
    const [chunk] = await db.$queryRaw<[{ lines: string | null; n: number; last: number | null }]>(Prisma.sql`
      SELECT string_agg(concat_ws(' ', f.id, CASE WHEN f.status IN ('open', 'confirmed') THEN 'L'
               WHEN f.status = 'resolved' AND f.resolved_reason = ${CLEARED} THEN 'C' ELSE '-' END,
               coalesce(f.digest, '-'), f.subject_key), E'\n' ORDER BY f.id) AS lines,
             count(*)::int AS n, max(f.id) AS last
      FROM (SELECT id, status, resolved_reason, digest, subject_key FROM flags WHERE id > ${after} ${only} ORDER BY id LIMIT ${CHUNK}) f`);
    for (const line of chunk?.lines ? chunk.lines.split("\n") : []) {
      const a = line.indexOf(" ");
      const b = line.indexOf(" ", a + 1);
      const c = line.indexOf(" ", b + 1);
      const state = line[a + 1];
      out.set(line.slice(c + 1), { id: Number(line.slice(0, a)), live: state === "L", cleared: state === "C", digest: line.slice(b + 1, c) });
    }
    if (!chunk || chunk.n < CHUNK || chunk.last === null) return out;
    after = chunk.last;
  }
}
