import "server-only";
import { assertCan, type Actor } from "@/lib/auth/actor";
import { writeAuditMany } from "@/lib/audit/write-audit";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { rawTransaction } from "@/lib/db/raw-transaction";
import type { Progress } from "@/lib/imports/import-types";
import { readFlagStates } from "./flag-states";
import { loadLedger } from "./load-ledger";
import { recomputeFlagsForReport } from "./recompute-for-report";
import { DETECTORS } from "./registry";
import { FlagJudge, type RecomputeSummary } from "./save-findings";

export type { RecomputeSummary };

// One full recompute writes at a time, across processes too.
const RECOMPUTE_LOCK = 7_270_401;

/** Recomputes every flag from the whole ledger, deterministically (see FlagJudge for what is kept). */
export async function recomputeFlags(actor: Actor, options: { today?: Date; progress?: Progress } = {}): Promise<RecomputeSummary> {
  assertCan(actor, "admin:manage");
  return recomputeAllFlags({ ...options, actorId: actor.userId, trigger: actor.via });
}

/** The recompute itself, for callers that authorised the change behind it (imports, edits). */
export async function recomputeAllFlags(options: { today?: Date; progress?: Progress; actorId?: number | null; trigger: string }): Promise<RecomputeSummary> {
  const progress = options.progress ?? (() => {});
  const db = await getDb();
  const startedAt = new Date();
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
    for (const [i, d] of DETECTORS.entries()) {
      for (const f of d.detect(ledger)) if (judge.judge(f)) await judge.flush(tx);
      progress(`detect ${d.kind}`, i + 1, DETECTORS.length);
    }
    const s = await judge.write(tx);
    await writeAuditMany(tx, [{ actorId: options.actorId ?? null, action: "flags.recompute", entity: "flags", after: { ...s, trigger: options.trigger } }]);
    return s;
  });
  // Reports saved while the ledger was being read would be judged on stale rows: judge them again.
  const late = await db.report.findMany({ where: { updatedAt: { gte: startedAt } }, select: { id: true } });
  for (const r of late) await recomputeFlagsForReport(r.id, options.today);
  progress("saved", summary.findings, summary.findings);
  return summary;
}
