import "server-only";
import { writeAuditMany, type AuditEntry } from "@/lib/audit/write-audit";
import { Prisma } from "@/lib/db/generated/client";
import type { RawClient } from "@/lib/db/raw-transaction";
import { linkReportsToMandates } from "./link-reports";

type Tx = RawClient;

/** Where the reported mandates are gathered again: the (unit, channel) pairs whose reports changed, or all. */
export type ReportedScope = { unitId: number; channelId: number }[] | "all";

// Reports saved at once by two staff of one unit would otherwise both create the same mandate.
const REPORTED_LOCK = 7_270_402;

type Said = { issuer: number; unit: number; channel: number; reporters: number; actions: string[]; covered: boolean };
type Stored = {
  id: number;
  issuer: number;
  unit: number;
  channel: number;
  reporters: number;
  actions: string[];
  status: string;
  review: string | null;
};

const key = (r: { issuer: number; unit: number; channel: number }) => `${r.issuer}:${r.unit}:${r.channel}`;
const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

type Terms = Pick<Stored, "reporters" | "actions" | "status">;

/**
 * Stores a reported mandate's new count, actions and status, and returns its audit entry. One
 * that ends here ends for want of reports; one that becomes active again loses its end.
 */
async function recount(tx: Tx, actorId: number | null, m: Stored, next: Terms): Promise<AuditEntry> {
  // The CASEs read the row as it was: only a mandate active until now takes today's end.
  await tx.$executeRaw`
    UPDATE mandates SET reporters = ${next.reporters}, actions = ${next.actions}::text[]::"Action"[], status = ${next.status}::"MandateStatus",
      ended_on = CASE WHEN ${next.status} = 'active' THEN NULL WHEN status = 'active' THEN current_date ELSE ended_on END,
      ended_reason = CASE WHEN ${next.status} = 'active' THEN NULL WHEN status = 'active' THEN 'no_reports' ELSE ended_reason END,
      version = version + 1, updated_at = now()
    WHERE id = ${m.id}`;
  const before: Terms = { reporters: m.reporters, actions: m.actions, status: m.status };
  return { actorId, action: "mandate.reported", entity: "mandate", entityId: m.id, before, after: next };
}

/**
 * Gathers the current reports that name who required a channel and with which actions into
 * reported mandates, one per (issuer, unit, channel), counting distinct reporters and holding the
 * actions any of them reported. A pending one follows its reports (and ends when none is left); a
 * confirmed one keeps its terms (a reviewer stands above reports); a rejected one stays rejected.
 * Only counts and states change here: nothing is deleted.
 */
export async function syncReportedMandates(tx: Tx, scope: ReportedScope, actorId: number | null): Promise<number[]> {
  if (scope !== "all" && scope.length === 0) return [];
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${REPORTED_LOCK})`;
  const units = scope === "all" ? [] : scope.map((s) => s.unitId);
  const channels = scope === "all" ? [] : scope.map((s) => s.channelId);
  const inScope = (unit: string, channel: string) =>
    scope === "all"
      ? Prisma.sql`true`
      : Prisma.sql`(${Prisma.raw(unit)}, ${Prisma.raw(channel)}) IN (SELECT * FROM unnest(${units}::int[], ${channels}::int[]))`;
  // "covered": an imported, declared or confirmed mandate already says it; no reported one is made beside it.
  const said = await tx.$queryRaw<Said[]>`
    SELECT issuer, unit, channel, count(DISTINCT reporter)::int AS reporters, array_agg(DISTINCT action ORDER BY action)::text[] AS actions,
      EXISTS (SELECT 1 FROM mandates o WHERE o.target_unit_id = x.unit AND o.channel_id = x.channel AND o.issuer_unit_id = x.issuer
              AND o.status = 'active' AND o.source <> 'reported') AS covered
    FROM (SELECT r.required_by_unit_id AS issuer, r.unit_id AS unit, r.channel_id AS channel, r.reporter_id AS reporter, unnest(r.actions) AS action
          FROM reports r JOIN channels c ON c.id = r.channel_id AND c.status = 'active'
          WHERE r.required_by_unit_id IS NOT NULL AND r.withdrawn_on IS NULL AND ${inScope("r.unit_id", "r.channel_id")}) x
    GROUP BY issuer, unit, channel`;
  const stored = await tx.$queryRaw<Stored[]>`
    SELECT id, issuer_unit_id AS issuer, target_unit_id AS unit, channel_id AS channel, reporters, actions::text[] AS actions, status::text AS status, review::text AS review
    FROM mandates WHERE source = 'reported' AND ${inScope("target_unit_id", "channel_id")}`;
  const byKey = new Map(stored.map((m) => [key(m), m]));
  const audit: AuditEntry[] = [];
  const created: number[] = [];
  const seen = new Set<string>();
  for (const s of said) {
    seen.add(key(s));
    const m = byKey.get(key(s));
    if (!m && s.covered) continue;
    if (!m) {
      const [row] = await tx.$queryRaw<{ id: number }[]>`
        INSERT INTO mandates (province_id, issuer_unit_id, target_unit_id, channel_id, actions, source, review, reporters, updated_at)
        SELECT u.province_id, ${s.issuer}, ${s.unit}, ${s.channel}, ${s.actions}::text[]::"Action"[], 'reported', 'pending', ${s.reporters}, now()
        FROM units u WHERE u.id = ${s.unit} RETURNING id`;
      // The unit of current reports: it exists (units are retired, never deleted).
      if (!row) throw new Error(`reported mandate: unit ${s.unit} not found`);
      created.push(row.id);
      audit.push({
        actorId,
        action: "mandate.reported",
        entity: "mandate",
        entityId: row.id,
        after: { issuer: s.issuer, unit: s.unit, channel: s.channel, actions: s.actions, reporters: s.reporters },
      });
      continue;
    }
    const pending = m.review === "pending";
    const actions = pending ? s.actions : m.actions;
    const status = pending && m.status === "ended" ? "active" : m.status;
    if (m.reporters === s.reporters && sameList(actions, m.actions) && status === m.status) continue;
    audit.push(await recount(tx, actorId, m, { reporters: s.reporters, actions, status }));
  }
  for (const m of stored) {
    if (seen.has(key(m)) || (m.reporters === 0 && !(m.review === "pending" && m.status === "active"))) continue;
    // Nobody says it any more: the count drops to zero, and a mandate no reviewer confirmed ends.
    const ends = m.review === "pending" && m.status === "active";
    audit.push(await recount(tx, actorId, m, { reporters: 0, actions: m.actions, status: ends ? "ended" : m.status }));
  }
  if (created.length) await linkReportsToMandates(tx, { mandateIds: created });
  if (audit.length) await writeAuditMany(tx, audit);
  return created;
}
