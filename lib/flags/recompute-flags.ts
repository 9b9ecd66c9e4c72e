import "server-only";
import { authorize, type Actor } from "@/lib/auth/actor";
import { writeAuditMany } from "@/lib/audit/write-audit";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { rawTransaction, type RawClient } from "@/lib/db/raw-transaction";
import type { Progress } from "@/lib/imports/import-types";
import { endMandatesPastUntil } from "@/lib/mandates/end-mandates";
import { syncReportedMandates } from "@/lib/mandates/reported-mandates";
import { readFlagStates } from "./flag-states";
import { loadLedger } from "./load-ledger";
import { recomputeFlagsForReport } from "./recompute-for-report";
import { DETECTORS } from "./registry";
import { FlagJudge, type RecomputeSummary } from "./save-findings";
import { setAsideIndexes } from "@/lib/db/set-aside-indexes";

export type { RecomputeSummary };

// One full recompute writes at a time, across processes too.
const RECOMPUTE_LOCK = 7_270_401;

/**
 * When a recompute creates most of the flags (the first of a large ledger), the table's secondary
 * indexes and foreign keys are set aside while it writes (see setAsideIndexes): when fewer
 * flags than `storedBelow` are stored and a batch about to be written creates at least
 * `creatingAtLeast`. Tests lower both.
 */
export type BulkLoad = { storedBelow: number; creatingAtLeast: number };
const BULK_LOAD: BulkLoad = { storedBelow: 10_000, creatingAtLeast: 10_000 };

type RecomputeOptions = { today?: Date; progress?: Progress; bulkLoad?: BulkLoad };

/** Recomputes every flag from the whole ledger, deterministically (see FlagJudge for what is kept). */
export async function recomputeFlags(actor: Actor, options: RecomputeOptions = {}): Promise<RecomputeSummary> {
  authorize(actor, "admin:manage");
  return recomputeAllFlags({ ...options, actorId: actor.userId, trigger: actor.via });
}

/** The recompute itself, for callers that authorised the change behind it (imports, edits). */
export async function recomputeAllFlags(
  options: RecomputeOptions & { actorId?: number | null; trigger: string },
): Promise<RecomputeSummary> {
  const progress = options.progress ?? (() => {});
  const db = await getDb();
  const startedAt = new Date();
  // The mandates the ledger holds as of today: those past their end date end, and staff reports
  // are gathered again into reported mandates (each save gathers its own; this mends the rest).
  await endMandatesPastUntil(options.today);
  await db.$transaction((tx) => syncReportedMandates(tx, "all", options.actorId ?? null), { timeout: 600_000 });
  // PostgreSQL gathers the stored flags while the ledger is read (the judge copes with flags
  // decided on meanwhile; reports saved meanwhile are judged again below).
  const states = readFlagStates(db);
  states.catch(() => undefined); // awaited below; a failure of loadLedger first must not leave it unhandled
  const ledger = await loadLedger(db, options.today);
  const existing = await states;
  // In a transaction of the driver itself: its batches are megabytes (see rawTransaction).
  const summary = await rawTransaction(async (tx) => {
    await tx.$executeRaw(Prisma.sql`SELECT pg_advisory_xact_lock(${RECOMPUTE_LOCK})`);
    // Judged inside the transaction, so that rows are written batch by batch as they are found.
    const judge = new FlagJudge(existing);
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
    await writeAuditMany(tx, [
      {
        actorId: options.actorId ?? null,
        action: "flags.recompute",
        entity: "flags",
        after: { ...s, trigger: options.trigger },
      },
    ]);
    return s;
  });
  // Reports saved while the ledger was being read would be judged on stale rows: judge them again.
  const late = await db.report.findMany({ where: { updatedAt: { gte: startedAt } }, select: { id: true } });
  for (const r of late) await recomputeFlagsForReport(r.id, options.today);
  progress("saved", summary.findings, summary.findings);
  return summary;
}

/** How many flags are stored, counting no further than `limit`. */
async function countStoredFlags(tx: RawClient, limit: number): Promise<number> {
  const [row] = await tx.$queryRaw<[{ n: number }]>(
    Prisma.sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM flags LIMIT ${Number.isFinite(limit) ? limit : null}) f`,
  );
  return row.n;
}
