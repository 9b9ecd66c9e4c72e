import "server-only";
import { authorize, type Actor } from "@/lib/auth/actor";
import { writeAuditMany } from "@/lib/audit/write-audit";
import { getDb, type Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { rawTransaction, type RawClient } from "@/lib/db/raw-transaction";
import type { Progress } from "@/lib/imports/import-types";
import { endMandatesPastUntil } from "@/lib/mandates/end-mandates";
import { syncReportedMandates } from "@/lib/mandates/reported-mandates";
import { readFlagStates } from "./flag-states";
import { loadLedger } from "./load-ledger";
import { recomputeFlagsForReport } from "./recompute-for-report";
import { DETECTORS } from "./registry";
import { recomputeThroughQueue, queueAvailable } from "./recompute-queue";
import {
  finishRegions,
  listRegions,
  recomputeRegion,
  RECOMPUTE_LOCK,
  type Region,
  type RegionResult,
} from "./recompute-region";
import { FlagJudge, provincesOfUnits, type RecomputeSummary } from "./save-findings";
import { setAsideIndexes } from "@/lib/db/set-aside-indexes";

export type { RecomputeSummary };

/**
 * When a recompute creates most of the flags (the first of a large ledger), the table's secondary
 * indexes and foreign keys are set aside while it writes (see setAsideIndexes): when fewer
 * flags than `storedBelow` are stored and a batch about to be written creates at least
 * `creatingAtLeast`. Tests lower both.
 */
export type BulkLoad = { storedBelow: number; creatingAtLeast: number };
const BULK_LOAD: BulkLoad = { storedBelow: 10_000, creatingAtLeast: 10_000 };

type RecomputeOptions = {
  today?: Date;
  progress?: Progress;
  bulkLoad?: BulkLoad;
  /** One job per province (and one for the catalogue) rather than one pass; see regionsToSplit. */
  byRegion?: boolean;
};

/** A recompute as its callers ask for it: who or what caused it. */
type RecomputeRun = RecomputeOptions & { actorId?: number | null; trigger: string };

/** Recomputes every flag from the whole ledger, deterministically (see FlagJudge for what is kept). */
export async function recomputeFlags(actor: Actor, options: RecomputeOptions = {}): Promise<RecomputeSummary> {
  authorize(actor, "admin:manage");
  return recomputeAllFlags({ ...options, actorId: actor.userId, trigger: actor.via });
}

/** The recompute itself, for callers that authorised the change behind it (imports, edits). */
export async function recomputeAllFlags(options: RecomputeRun): Promise<RecomputeSummary> {
  const progress = options.progress ?? (() => {});
  const db = await getDb();
  const startedAt = new Date();
  // The mandates the ledger holds as of today: those past their end date end, and staff reports
  // are gathered again into reported mandates (each save gathers its own; this mends the rest).
  await endMandatesPastUntil(options.today);
  await db.$transaction((tx) => syncReportedMandates(tx, "all", options.actorId ?? null), { timeout: 600_000 });
  const regions = await regionsToSplit(db, options.byRegion);
  let summary: RecomputeSummary;
  if (regions) {
    const today = options.today ?? new Date();
    const flagsBefore = (await countStoredFlags(db, 1)) > 0;
    const results = queueAvailable()
      ? await recomputeThroughQueue(regions, today, startedAt, flagsBefore)
      : await inTurn(regions, today, startedAt, flagsBefore, progress);
    summary = await finishRegions(results, startedAt);
    await writeAuditMany(db, [auditEntry(options, summary, regions.length)]);
  } else summary = await recomputeInOnePass(db, options, progress);
  // A recompute that rewrote much of the table leaves the planner's picture of it stale until
  // autovacuum comes round, if it is on at all: a staff member's save then looks its few flags up
  // by reading every flag (48 ms of a 65 ms save at 2.4 million flags; 9 ms once analysed).
  const written = summary.created + summary.updated + summary.reopened + summary.resolved;
  if (written > summary.findings / 10) await db.$executeRawUnsafe("ANALYZE flags");
  // Reports saved while the ledger was being read would be judged on stale rows: judge them again.
  const late = await db.report.findMany({ where: { updatedAt: { gte: startedAt } }, select: { id: true } });
  for (const r of late) await recomputeFlagsForReport(r.id, options.today);
  progress("saved", summary.findings, summary.findings);
  return summary;
}

/**
 * The regions to recompute one by one, or null for one pass over the whole ledger. By region when
 * asked, and by default on PostgreSQL when the ledger holds more than one province: then the jobs
 * go to the queue, where every worker of every instance takes them. A county or a single
 * province is one pass (the same findings, a little faster, and its first run loads in bulk).
 */
async function regionsToSplit(db: Db, byRegion: boolean | undefined): Promise<Region[] | null> {
  if (byRegion === false || (byRegion === undefined && !queueAvailable())) return null;
  const regions = await listRegions(db);
  return byRegion || regions.length > 2 ? regions : null;
}

/** The regions one after another in this process (the embedded database: no queue). */
async function inTurn(
  regions: readonly Region[],
  today: Date,
  at: Date,
  flagsBefore: boolean,
  progress: Progress,
): Promise<RegionResult[]> {
  const results: RegionResult[] = [];
  for (const [i, region] of regions.entries()) {
    results.push(await recomputeRegion(region, today, at, flagsBefore));
    progress("region", i + 1, regions.length);
  }
  return results;
}

function auditEntry(options: RecomputeRun, s: RecomputeSummary, regions?: number) {
  return {
    actorId: options.actorId ?? null,
    action: "flags.recompute",
    entity: "flags",
    after: { ...s, trigger: options.trigger, ...(regions ? { regions } : {}) },
  };
}

/** The whole ledger read at once and judged in one transaction. */
async function recomputeInOnePass(db: Db, options: RecomputeRun, progress: Progress): Promise<RecomputeSummary> {
  // PostgreSQL gathers the stored flags while the ledger is read (the judge copes with flags
  // decided on meanwhile; reports saved meanwhile are judged again by the caller).
  const states = readFlagStates(db);
  states.catch(() => undefined); // awaited below; a failure of loadLedger first must not leave it unhandled
  const ledger = await loadLedger(db, options.today);
  const existing = await states;
  // In a transaction of the driver itself: its batches are megabytes (see rawTransaction).
  return rawTransaction(async (tx) => {
    await tx.$executeRaw(Prisma.sql`SELECT pg_advisory_xact_lock(${RECOMPUTE_LOCK})`);
    // Judged inside the transaction, so that rows are written batch by batch as they are found.
    const judge = new FlagJudge(existing, provincesOfUnits(ledger.units));
    const bulk = options.bulkLoad ?? BULK_LOAD;
    // The states were read before the lock: another recompute may have stored flags since.
    const bulkPossible =
      existing.size < bulk.storedBelow && (await countStoredFlags(tx, bulk.storedBelow)) === existing.size;
    const indexes: { restore?: () => Promise<void> } = {};
    const flush = async () => {
      if (bulkPossible && !indexes.restore && judge.pendingCreated >= bulk.creatingAtLeast)
        indexes.restore = await setAsideIndexes(tx, "flags");
      await judge.flush(tx);
    };
    for (const [i, d] of DETECTORS.entries()) {
      for (const f of d.detect(ledger)) if (judge.judge(f)) await flush();
      progress(`detect ${d.kind}`, i + 1, DETECTORS.length);
    }
    await flush();
    const s = await judge.write(tx);
    if (indexes.restore) {
      progress("index flags", 0, 1);
      await indexes.restore();
    }
    await writeAuditMany(tx, [auditEntry(options, s)]);
    return s;
  });
}

/** How many flags are stored, counting no further than `limit`. */
async function countStoredFlags(tx: RawClient, limit: number): Promise<number> {
  const [row] = await tx.$queryRaw<[{ n: number }]>(
    Prisma.sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM flags LIMIT ${Number.isFinite(limit) ? limit : null}) f`,
  );
  return row.n;
}
