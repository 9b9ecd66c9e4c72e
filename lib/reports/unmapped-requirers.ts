import "server-only";
import { authorize, type Actor } from "@/lib/auth/actor";
import { writeAuditMany } from "@/lib/audit/write-audit";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { refreshFlagsAfterChange } from "@/lib/flags/refresh-flags";
import { syncReportedMandates } from "@/lib/mandates/reported-mandates";

/** A name staff typed for who required a channel, in one county, waiting to be mapped to a unit. */
export type UnmappedRequirer = {
  name: string;
  countyId: number | null;
  countyName: string | null;
  reports: number;
  reporters: number;
};

/**
 * The names typed under "other", grouped by the county the reporters belong to (a "县委组织部"
 * typed in two counties is two departments), most reported first.
 */
export async function listUnmappedRequirers(actor: Actor): Promise<UnmappedRequirer[]> {
  authorize(actor, "admin:manage");
  const db = await getDb();
  const rows = await db.$queryRaw<
    { name: string; county_id: number | null; county_name: string | null; reports: number; reporters: number }[]
  >`
    SELECT r.required_by_name AS name, c.id AS county_id, c.name AS county_name, count(*)::int AS reports, count(DISTINCT r.reporter_id)::int AS reporters
    FROM reports r JOIN units u ON u.id = r.unit_id
    LEFT JOIN LATERAL (SELECT a.id, a.name FROM units a WHERE a.level = 'county' AND u.path LIKE a.path || '%' LIMIT 1) c ON true
    WHERE r.required_by_unit_id IS NULL AND r.required_by_name IS NOT NULL AND r.withdrawn_on IS NULL
    GROUP BY r.required_by_name, c.id, c.name
    ORDER BY count(*) DESC, r.required_by_name LIMIT 500`;
  return rows.map((r) => ({
    name: r.name,
    countyId: r.county_id,
    countyName: r.county_name,
    reports: r.reports,
    reporters: r.reporters,
  }));
}

/**
 * Maps a typed name to a unit for the reports of one county (or of the whole tree when the
 * reporters have no county): they then count like the reports that picked it from the list.
 */
export async function mapRequirer(
  actor: Actor,
  input: { name: string; countyId: number | null; unitId: number },
): Promise<{ mapped: number }> {
  authorize(actor, "admin:manage");
  const db = await getDb();
  const mapped = await db.$transaction(async (tx) => {
    const unit = await tx.unit.findFirst({ where: { id: input.unitId, retiredAt: null }, select: { id: true } });
    if (!unit) throw new AppError("invalid_input", { unitId: ["invalid_choice"] });
    const county =
      input.countyId === null
        ? null
        : await tx.unit.findFirst({ where: { id: input.countyId, level: "county" }, select: { path: true } });
    if (input.countyId !== null && !county) throw new AppError("not_found");
    const changed = await tx.$queryRaw<{ id: number; unit_id: number; channel_id: number }[]>`
      UPDATE reports r SET required_by_unit_id = ${unit.id}, required_by_name = NULL, version = r.version + 1, updated_at = now()
      FROM units u WHERE u.id = r.unit_id AND r.required_by_unit_id IS NULL AND r.required_by_name = ${input.name}
        AND r.withdrawn_on IS NULL AND (${county?.path ?? null}::text IS NULL OR u.path LIKE ${county?.path ?? ""} || '%')
      RETURNING r.id, r.unit_id, r.channel_id`;
    await writeAuditMany(
      tx,
      changed.map((r) => ({
        actorId: actor.userId,
        action: "report.map_required_by",
        entity: "report",
        entityId: r.id,
        before: { requiredByName: input.name },
        after: { requiredByUnitId: unit.id },
      })),
    );
    await syncReportedMandates(
      tx,
      changed.map((r) => ({ unitId: r.unit_id, channelId: r.channel_id })),
      actor.userId,
    );
    return changed.length;
  });
  if (mapped > 0) await refreshFlagsAfterChange("report.map_required_by");
  return { mapped };
}
