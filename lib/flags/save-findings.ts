import "server-only";
import { hash } from "node:crypto";
import { Prisma } from "@/lib/db/generated/client";
import { bulkInsert, type BulkColumn } from "@/lib/db/bulk-insert";
import { bulkUpdate } from "@/lib/db/bulk-update";
import type { Finding } from "./finding";

export type RecomputeSummary = { findings: number; created: number; updated: number; reopened: number; resolved: number };
type Tx = Prisma.TransactionClient;

export const CLEARED = "condition_cleared";

const FINDING_COLUMNS: readonly BulkColumn[] = [
  { name: "severity", type: "int" },
  { name: "unit_id", type: "int" },
  { name: "channel_ids", type: "text", cast: "int[]" },
  { name: "reporter_id", type: "int" },
  { name: "scope_unit_id", type: "int" },
  { name: "issuer_ids", type: "text", cast: "int[]" },
  // JSON text made once, for the digest and the row alike (the evidence is most of a flag's bytes).
  { name: "explanation", type: "jsonText" },
  { name: "evidence", type: "jsonText" },
  { name: "burden", type: "int" },
  { name: "digest", type: "text" },
  { name: "computed_at", type: "text", cast: "timestamp" },
];

const DIGEST = FINDING_COLUMNS.findIndex((c) => c.name === "digest");

/**
 * Writes findings over the flags of one scope (all flags, or those a change could touch): a finding
 * keeps its flag (same subject key) and the reviewers' decisions on it; a flag of the scope that is
 * no longer found is resolved with the reason, never deleted; one that returns is opened again.
 * Only flags whose finding changed (by digest) are written, each group in one statement.
 */
export async function saveFindings(tx: Tx, findings: Finding[], scope: Prisma.FlagWhereInput | "all", now = new Date()): Promise<RecomputeSummary> {
  const existing = new Map(
    (await tx.flag.findMany({ where: scope === "all" ? {} : scope, select: { id: true, subjectKey: true, status: true, resolvedReason: true, digest: true } })).map((f) => [f.subjectKey, f]),
  );
  const at = now.toISOString();
  const created: unknown[][] = [];
  const changed: unknown[][] = [];
  const reopened: unknown[][] = [];
  for (const f of findings) {
    const values = findingValues(f, at);
    const old = existing.get(f.subjectKey);
    if (!old) created.push([f.kind, f.subjectKey, ...values, at]);
    else if (old.status === "resolved" && old.resolvedReason === CLEARED) reopened.push([old.id, ...values]);
    else if (old.digest !== values[DIGEST]) changed.push([old.id, ...values]);
  }
  await bulkInsert(
    tx,
    "flags",
    [{ name: "kind", type: "text", cast: '"FlagKind"' }, { name: "subject_key", type: "text" }, ...FINDING_COLUMNS, { name: "first_seen_at", type: "text", cast: "timestamp" }],
    created,
    { onConflictDoNothing: true, returning: false },
  );
  const byId: readonly BulkColumn[] = [{ name: "id", type: "int" }, ...FINDING_COLUMNS];
  await bulkUpdate(tx, "flags", byId, changed, Prisma.sql`, version = t.version + 1`);
  await bulkUpdate(tx, "flags", byId, reopened, Prisma.sql`, status = 'open', resolved_reason = NULL, version = t.version + 1`);
  const found = new Set(findings.map((f) => f.subjectKey));
  const cleared = [...existing.values()].filter((f) => !found.has(f.subjectKey) && (f.status === "open" || f.status === "confirmed")).map((f) => f.id);
  for (let i = 0; i < cleared.length; i += 10_000) {
    await tx.flag.updateMany({ where: { id: { in: cleared.slice(i, i + 10_000) } }, data: { status: "resolved", resolvedReason: CLEARED, computedAt: now, version: { increment: 1 } } });
  }
  return { findings: findings.length, created: created.length, updated: changed.length, reopened: reopened.length, resolved: cleared.length };
}

/**
 * The values of FINDING_COLUMNS for a finding. Detectors build their objects in a fixed order from
 * rows read in id order, so the JSON, and its digest, is the same for the same finding.
 */
function findingValues(f: Finding, at: string): unknown[] {
  const explanation = JSON.stringify({ key: `flag.${f.explainAs ?? f.kind}`, params: f.params });
  const evidence = f.evidence == null ? null : JSON.stringify(f.evidence);
  const scope = f.scopeUnitId === undefined ? f.unitId : f.scopeUnitId;
  // One-shot hash: a Hash object per finding cost three times as long (the same bytes, the same digest).
  const digest = hash("sha1", JSON.stringify([f.severity, f.unitId, f.channelIds, f.reporterId, scope, f.issuerIds ?? [], f.burden]) + explanation + (evidence ?? ""), "base64url");
  return [f.severity, f.unitId, `{${f.channelIds.join(",")}}`, f.reporterId, scope, `{${(f.issuerIds ?? []).join(",")}}`, explanation, evidence, f.burden, digest, at];
}
