import "server-only";
import { authorizePerson, type Actor } from "@/lib/auth/actor";
import { writeCsv } from "@/lib/csv/write-csv";
import { completeReadDb } from "@/lib/db/read-replica";
import type { Translate } from "@/lib/i18n/messages";
import { explainFlag } from "@/lib/flags/explain-flag";
import { flagsInJurisdiction } from "./jurisdiction";
import { queueWhere, FLAG_ROW_FIELDS } from "./list-queue";
import type { QueueFilters } from "./review-filters";

const MAX_ROWS = 50_000;
const QUEUE_COLUMNS = [
  "id",
  "kind",
  "severity",
  "status",
  "explanation",
  "unit",
  "channels",
  "hours_per_week",
  "first_seen",
  "assigned_issuer",
  "deadline",
] as const;
const DECISION_COLUMNS = ["flag_id", "kind", "decision", "reason", "detail", "reviewer", "at"] as const;

type Row = Record<string, string>;
const render = (columns: readonly string[], rows: Row[], format: "csv" | "json") =>
  format === "csv" ? writeCsv(columns, rows) : JSON.stringify(rows);

/**
 * The queue as filtered, or every decision, for the reviewer's subtree only. Nothing names a
 * reporter: the queue carries units and channels, decisions carry the reviewer who took them.
 */
export async function exportReview(
  actor: Actor,
  what: "queue" | "decisions",
  format: "csv" | "json",
  filters: QueueFilters,
  t: Translate,
): Promise<string> {
  const user = authorizePerson(actor, "review:view");
  const db = await completeReadDb();
  if (what === "queue") {
    const flags = await db.flag.findMany({
      where: await queueWhere(db, filters, user),
      orderBy: [{ severity: "desc" }, { burden: "desc" }, { id: "asc" }],
      take: MAX_ROWS,
      select: { ...FLAG_ROW_FIELDS, unit: { select: { code: true } }, scopeUnit: { select: { code: true } } },
    });
    const [channels, issuers] = await Promise.all([
      db.channel.findMany({
        where: { id: { in: [...new Set(flags.flatMap((f) => f.channelIds))] } },
        select: { id: true, name: true },
      }),
      db.unit.findMany({
        where: { id: { in: [...new Set(flags.flatMap((f) => (f.assignedIssuerId ? [f.assignedIssuerId] : [])))] } },
        select: { id: true, code: true },
      }),
    ]);
    const channelName = new Map(channels.map((c) => [c.id, c.name]));
    const issuerCode = new Map(issuers.map((u) => [u.id, u.code]));
    const rows = flags.map((f) => ({
      id: String(f.id),
      kind: f.kind,
      severity: String(f.severity),
      status: f.status,
      explanation: explainFlag(f.explanation, t),
      unit: f.unit?.code ?? f.scopeUnit?.code ?? "",
      channels: f.channelIds.map((id) => channelName.get(id) ?? "").join("|"),
      hours_per_week: String(Math.round(f.burden / 6) / 10),
      first_seen: f.firstSeenAt.toISOString().slice(0, 10),
      assigned_issuer: f.assignedIssuerId ? (issuerCode.get(f.assignedIssuerId) ?? "") : "",
      deadline: f.deadline?.toISOString().slice(0, 10) ?? "",
    }));
    return render(QUEUE_COLUMNS, rows, format);
  }
  const decisions = await db.flagDecision.findMany({
    where: { flag: flagsInJurisdiction(user) },
    orderBy: { id: "asc" },
    take: MAX_ROWS,
    include: { flag: { select: { kind: true } }, reviewer: { select: { login: true } } },
  });
  const rows = decisions.map((d) => ({
    flag_id: String(d.flagId),
    kind: d.flag.kind,
    decision: d.decision,
    reason: d.reason ?? "",
    detail: d.detail == null ? "" : JSON.stringify(d.detail),
    reviewer: d.reviewer.login,
    at: d.createdAt.toISOString(),
  }));
  return render(DECISION_COLUMNS, rows, format);
}
