import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import { bulkInsert } from "@/lib/db/bulk-insert";
import type { Finding } from "./finding";

export type RecomputeSummary = { findings: number; created: number; updated: number; reopened: number; resolved: number };
type Tx = Prisma.TransactionClient;

export const CLEARED = "condition_cleared";

/**
 * Writes findings over the flags of one scope (all flags, or those a change could touch): a finding
 * keeps its flag (same subject key) and the reviewers' decisions on it; a flag of the scope that is
 * no longer found is resolved with the reason, never deleted; one that returns is opened again.
 */
export async function saveFindings(tx: Tx, findings: Finding[], scope: Prisma.FlagWhereInput, now = new Date()): Promise<RecomputeSummary> {
  const existing = new Map(
    (await tx.flag.findMany({ where: scope, select: { id: true, subjectKey: true, status: true, resolvedReason: true, severity: true, explanation: true, evidence: true, burden: true } })).map((f) => [f.subjectKey, f]),
  );
  const summary: RecomputeSummary = { findings: findings.length, created: 0, updated: 0, reopened: 0, resolved: 0 };
  const fresh = findings.filter((f) => !existing.has(f.subjectKey));
  if (fresh.length) {
    const at = now.toISOString();
    await bulkInsert(
      tx,
      "flags",
      [
        { name: "kind", type: "text", cast: '"FlagKind"' },
        { name: "subject_key", type: "text" },
        { name: "severity", type: "int" },
        { name: "unit_id", type: "int" },
        { name: "channel_ids", type: "text", cast: "int[]" },
        { name: "reporter_id", type: "int" },
        { name: "explanation", type: "jsonb", cast: "jsonb" },
        { name: "evidence", type: "jsonb", cast: "jsonb" },
        { name: "burden", type: "int" },
        { name: "first_seen_at", type: "text", cast: "timestamp" },
        { name: "computed_at", type: "text", cast: "timestamp" },
      ],
      fresh.map((f) => {
        const c = columns(f);
        return [f.kind, f.subjectKey, c.severity, c.unitId, `{${c.channelIds.join(",")}}`, c.reporterId, c.explanation, c.evidence, c.burden, at, at];
      }),
      { onConflictDoNothing: true },
    );
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
