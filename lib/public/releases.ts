import "server-only";
import { createHash } from "node:crypto";
import { getDb, type Db } from "@/lib/db/client";
import { completeReadDb, replicaFailed, replicaUrl } from "@/lib/db/read-replica";
import type { RawReader } from "@/lib/db/read-all";
import type { Thresholds } from "@/lib/settings/thresholds.validation";
import { getThresholds } from "@/lib/settings/thresholds";
import { buildPublicSnapshot, type PlaceDetail, type PublicFigures, type PublicSnapshot } from "./build-snapshot";

export type ReleaseTrigger = "first" | "schedule" | "live" | "admin";
export type ReleaseHead = { id: number; releasedAt: Date; ledgerMarker: bigint; figuresHash: string };
/** `storedBy`: the release whose rows hold these figures (a release with the figures of the one before stores none). */
export type Release = ReleaseHead & { snapshot: PublicSnapshot; storedBy: number; legacy?: Map<string, PlaceDetail> };

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

/** The latest release with its figures (stored with the release that first had them); its places' details are read apart. */
export async function loadLatestRelease(): Promise<Release | null> {
  const head = await latestReleaseHead();
  if (!head) return null;
  const db = await getDb();
  const [stored] = await db.$queryRaw<
    { id: number; snapshot: string }[]
  >`SELECT id, snapshot::text AS snapshot FROM public_releases WHERE figures_hash = ${head.figuresHash} AND snapshot IS NOT NULL ORDER BY id DESC LIMIT 1`;
  if (!stored) return null;
  const snapshot = JSON.parse(stored.snapshot) as PublicSnapshot | LegacySnapshot;
  if ("trends" in snapshot) return { ...head, storedBy: stored.id, ...fromLegacy(snapshot) };
  return { ...head, snapshot, storedBy: stored.id };
}

/** One place's detail in a release ("" the whole registry), or null when the release has no such place. */
export async function loadPlaceDetail(storedBy: number, code: string): Promise<PlaceDetail | null> {
  const db = await getDb();
  const [row] = await db.$queryRaw<
    { detail: string }[]
  >`SELECT detail::text AS detail FROM public_release_places WHERE release_id = ${storedBy} AND code = ${code}`;
  return row ? (JSON.parse(row.detail) as PlaceDetail) : null;
}

/**
 * A release stored before places were stored apart (one document with every region's trend,
 * issuers and channels as objects), read as the snapshot and its details.
 */
type LegacySnapshot = PublicSnapshot & {
  trends: Record<string, PlaceDetail["trend"]>;
  issuers: Record<string, PlaceDetail["issuers"]>;
  channelsIn: Record<string, (PublicSnapshot["channels"][number] & { unitsRequired: number })[]>;
};
function fromLegacy(old: LegacySnapshot): { snapshot: PublicSnapshot; legacy: Map<string, PlaceDetail> } {
  const { trends, issuers, channelsIn, ...snapshot } = old;
  const indexOf = new Map(snapshot.channels.map((c, i) => [`${c.status}:${c.name}`, i]));
  const legacy = new Map<string, PlaceDetail>();
  for (const code of Object.keys(trends))
    legacy.set(code, {
      trend: trends[code] ?? null,
      issuers: issuers[code] ?? [],
      channels: (channelsIn[code] ?? []).flatMap((c) => {
        const i = indexOf.get(`${c.status}:${c.name}`);
        return i === undefined ? [] : [i, c.unitsRequired];
      }),
    });
  return { snapshot, legacy };
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
    const { marker, figures } = await readRelease(tx, values, now);
    const figuresHash = hashOf(figures);
    const last = await tx.publicRelease.findFirst({ orderBy: { id: "desc" }, select: { figuresHash: true } });
    const same = last?.figuresHash === figuresHash;
    const head = await tx.publicRelease.create({
      data: {
        trigger,
        releasedAt: now,
        ledgerMarker: marker,
        figuresHash,
        ...(same ? {} : { snapshot: figures.snapshot as never }),
      },
      select: { id: true, releasedAt: true, ledgerMarker: true, figuresHash: true },
    });
    if (!same) await storePlaces(tx, head.id, figures.details);
    return head;
  }, RELEASE_READ);
}

/** The places' details, a few thousand rows a statement (each row's JSON made on its own: together they outgrow a string). */
async function storePlaces(tx: Pick<Db, "$executeRaw">, releaseId: number, details: Map<string, PlaceDetail>) {
  const places = [...details];
  for (let i = 0; i < places.length; i += 2000) {
    const part = places.slice(i, i + 2000);
    await tx.$executeRaw`
      INSERT INTO public_release_places (release_id, code, detail)
      SELECT ${releaseId}, code, detail::json FROM unnest(${part.map(([code]) => code)}::text[], ${part.map(([, d]) => JSON.stringify(d))}::text[]) AS p(code, detail)`;
  }
}

/** The figures' hash, over the snapshot and each place in code order (a change anywhere is a new release). */
function hashOf(figures: PublicFigures): string {
  const hash = createHash("sha256").update(JSON.stringify(figures.snapshot));
  for (const code of [...figures.details.keys()].sort())
    hash.update(`\n${code}\n`).update(JSON.stringify(figures.details.get(code)));
  return hash.digest("base64url");
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
  return { marker: BigInt(marker?.id ?? 0), figures: await buildPublicSnapshot(reader, values, now) };
}
