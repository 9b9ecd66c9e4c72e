import "server-only";
import { createHash } from "node:crypto";
import { getDb, type Db } from "@/lib/db/client";
import { completeReadDb, replicaFailed, replicaUrl } from "@/lib/db/read-replica";
import type { RawReader } from "@/lib/db/read-all";
import type { Thresholds } from "@/lib/settings/thresholds.validation";
import { getThresholds } from "@/lib/settings/thresholds";
import { buildPublicSnapshot, type PublicSnapshot } from "./build-snapshot";

export type ReleaseTrigger = "first" | "schedule" | "live" | "admin";
export type ReleaseHead = { id: number; releasedAt: Date; ledgerMarker: bigint; figuresHash: string };
export type Release = ReleaseHead & { snapshot: PublicSnapshot };

/** Only one release is made at a time, whichever process asks (the key is arbitrary but fixed). */
const RELEASE_LOCK = 7_241_001;

/** The last audit entry: every change to the ledger writes one, so it tells whether anything changed. */
export async function ledgerMarker(): Promise<bigint> {
  const db = await getDb();
  const [row] = await db.$queryRaw<{ id: bigint | null }[]>`SELECT max(id) AS id FROM audit_log`;
  return BigInt(row?.id ?? 0);
}

export async function latestReleaseHead(): Promise<ReleaseHead | null> {
  const db = await getDb();
  const row = await db.publicRelease.findFirst({
    orderBy: { id: "desc" },
    select: { id: true, releasedAt: true, ledgerMarker: true, figuresHash: true },
  });
  return row;
}

/** The latest release with its figures (stored with the release that first had them). */
export async function loadLatestRelease(): Promise<Release | null> {
  const head = await latestReleaseHead();
  if (!head) return null;
  const db = await getDb();
  const [stored] = await db.$queryRaw<
    { snapshot: string }[]
  >`SELECT snapshot::text AS snapshot FROM public_releases WHERE figures_hash = ${head.figuresHash} AND snapshot IS NOT NULL ORDER BY id DESC LIMIT 1`;
  if (!stored) return null;
  return { ...head, snapshot: JSON.parse(stored.snapshot) as PublicSnapshot };
}

/**
 * Makes a release from one consistent (repeatable-read) view of the ledger. Returns null when
 * another process is making one at this moment: its release will be read instead.
 */
export async function makeRelease(trigger: ReleaseTrigger, now = new Date()): Promise<ReleaseHead | null> {
  const db = await getDb();
  const { values } = await getThresholds();
  return db.$transaction(async (tx) => {
    const [lock] = await tx.$queryRaw<{ ok: boolean }[]>`SELECT pg_try_advisory_xact_lock(${RELEASE_LOCK}) AS ok`;
    if (!lock?.ok) return null;
    // With a standby, it reads the ledger (the heavy part) and the primary only records the release.
    const { marker, snapshot } = await readRelease(tx, values, now);
    const figuresHash = createHash("sha256").update(JSON.stringify(snapshot)).digest("base64url");
    const last = await tx.publicRelease.findFirst({ orderBy: { id: "desc" }, select: { figuresHash: true } });
    return tx.publicRelease.create({
      data: {
        trigger,
        releasedAt: now,
        ledgerMarker: marker,
        figuresHash,
        ...(last?.figuresHash === figuresHash ? {} : { snapshot: snapshot as never }),
      },
      select: { id: true, releasedAt: true, ledgerMarker: true, figuresHash: true },
    });
  }, RELEASE_READ);
}

/** One consistent view of the ledger, as long as a province's build takes. */
const RELEASE_READ = { isolationLevel: "RepeatableRead", timeout: 30 * 60_000, maxWait: 60_000 } as const;

/**
 * From a standby that has replayed everything committed until now (else the primary, in the lock's
 * transaction): a release never leaves out what was saved before it was asked for. A standby that
 * breaks off the read (a recovery conflict) hands it back to the primary.
 */
async function readRelease(tx: RawReader & Pick<Db, "$queryRaw">, values: Thresholds, now: Date) {
  if (!replicaUrl()) return readForRelease(tx, values, now);
  const db = await completeReadDb();
  if (db === (await getDb())) return readForRelease(tx, values, now);
  try {
    return await db.$transaction((rtx) => readForRelease(rtx, values, now), RELEASE_READ);
  } catch (error) {
    replicaFailed(error);
    return readForRelease(tx, values, now);
  }
}

/** The figures and the last audit entry they include, read in one view. */
async function readForRelease(reader: RawReader & Pick<Db, "$queryRaw">, values: Thresholds, now: Date) {
  const [marker] = await reader.$queryRaw<{ id: bigint | null }[]>`SELECT max(id) AS id FROM audit_log`;
  return { marker: BigInt(marker?.id ?? 0), snapshot: await buildPublicSnapshot(reader, values, now) };
}
