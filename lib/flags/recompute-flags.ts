import "server-only";
import { assertCan, type Actor } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit/write-audit";
import { getDb } from "@/lib/db/client";
import type { Progress } from "@/lib/imports/import-types";
import type { Finding } from "./finding";
import { loadLedger } from "./load-ledger";
import { DETECTORS } from "./registry";

export type RecomputeSummary = { findings: number; created: number; updated: number; reopened: number; resolved: number };

const CLEARED = "condition_cleared";

/**
 * Recomputes every flag from the ledger, deterministically. A finding keeps its flag (same subject
 * key) and its reviewers' decisions; a flag whose condition no longer holds is resolved with the
 * reason, never deleted; one that returns after such a resolution is opened again.
 */
export async function recomputeFlags(actor: Actor, options: { today?: Date; progress?: Progress } = {}): Promise<RecomputeSummary> {
  assertCan(actor, "admin:manage");
  const progress = options.progress ?? (() => {});
  const db = await getDb();
  const ledger = await loadLedger(db, options.today);
  const findings: Finding[] = [];
  DETECTORS.forEach((d, i) => {
    findings.push(...d.detect(ledger));
    progress(`detect ${d.kind}`, i + 1, DETECTORS.length);
  });
  const existing = new Map(
    (await db.flag.findMany({ select: { id: true, subjectKey: true, status: true, resolvedReason: true, severity: true, explanation: true, evidence: true, burden: true } })).map((f) => [f.subjectKey, f]),
  );
  const summary: RecomputeSummary = { findings: findings.length, created: 0, updated: 0, reopened: 0, resolved: 0 };
  const now = new Date();
  await db.$transaction(
    async (tx) => {
      const fresh = findings.filter((f) => !existing.has(f.subjectKey));
      if (fresh.length) {
        await tx.flag.createMany({ data: fresh.map((f) => ({ ...columns(f), kind: f.kind, subjectKey: f.subjectKey, firstSeenAt: now, computedAt: now })) });
      }
      summary.created = fresh.length;
      for (const f of findings) {
        const old = existing.get(f.subjectKey);
        if (!old) continue;
        const reopen = old.status === "resolved" && old.resolvedReason === CLEARED;
        const changed = stableJson([old.severity, old.explanation, old.evidence, old.burden]) !== stableJson([f.severity, { key: `flag.${f.kind}`, params: f.params }, f.evidence, f.burden]);
        if (!reopen && !changed) continue;
        await tx.flag.update({ where: { id: old.id }, data: { ...columns(f), computedAt: now, ...(reopen ? { status: "open", resolvedReason: null } : {}), version: { increment: 1 } } });
        if (reopen) summary.reopened++;
        else summary.updated++;
      }
      const found = new Set(findings.map((f) => f.subjectKey));
      const cleared = [...existing.values()].filter((f) => !found.has(f.subjectKey) && (f.status === "open" || f.status === "confirmed")).map((f) => f.id);
      if (cleared.length) {
        await tx.flag.updateMany({ where: { id: { in: cleared } }, data: { status: "resolved", resolvedReason: CLEARED, computedAt: now, version: { increment: 1 } } });
      }
      summary.resolved = cleared.length;
      await writeAudit(tx, { actorId: actor.userId, action: "flags.recompute", entity: "flags", after: summary });
    },
    { timeout: 10 * 60_000, maxWait: 60_000 },
  );
  progress("saved", findings.length, findings.length);
  return summary;
}

/** JSON with object keys sorted: the database hands jsonb back with its own key order. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );
}

function columns(f: Finding) {
  return {
    severity: f.severity,
    unitId: f.unitId,
    channelIds: f.channelIds,
    reporterId: f.reporterId,
    explanation: { key: `flag.${f.kind}`, params: f.params },
    evidence: f.evidence as object,
    burden: f.burden,
  };
}
