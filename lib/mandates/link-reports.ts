import "server-only";
import type { RawClient } from "@/lib/db/raw-transaction";
import { chunk } from "@/lib/imports/planner";

type Tx = RawClient;
export type CreatedReport = { id: number; unitId: number; channelId: number; provinceId: number };

/**
 * Ties reports to the active mandates they answer: same channel, and the report's unit is the
 * mandate's target (or below it, for a mandate on a whole subtree). Called with the mandates or
 * the reports that just changed.
 *
 * Each direction walks an index rather than comparing every mandate on a channel with every
 * report on it: from a report, its unit's ancestors (the ids on its path) are the only targets
 * that can bind it; from a mandate, its target's reports, and for a subtree mandate the units
 * below its target. An OR of both in one join read a hundred mandates a report (3 s for 10,000).
 */
export async function linkReportsToMandates(
  tx: Tx,
  changed: { mandateIds: number[] } | { reportIds: number[] } | { created: CreatedReport[] },
): Promise<void> {
  if ("created" in changed) {
    // Reports an import just wrote, given whole: their table's indexes are set aside until the
    // end of the import, so they are not looked up. One flat join, which PostgreSQL answers for a
    // whole file by hashing every (report, ancestor) against the active mandates: 1,000,000
    // reports in 8 s, where the per-ancestor lookups below took 64 s. Those stay for a few
    // reports (a person's save), where the flat join read a county's every mandate a report.
    const { created } = changed;
    if (created.length === 0) return;
    await tx.$executeRaw`
      INSERT INTO report_mandates (report_id, mandate_id, province_id)
      SELECT r.id, m.id, r.province_id
      FROM unnest(${created.map((r) => r.id)}::int[], ${created.map((r) => r.unitId)}::int[],
                  ${created.map((r) => r.channelId)}::int[], ${created.map((r) => r.provinceId)}::int[]) AS r(id, unit_id, channel_id, province_id)
      JOIN units u ON u.id = r.unit_id
      CROSS JOIN LATERAL unnest(string_to_array(trim(both '/' from u.path), '/')::int[]) AS a(unit_id)
      JOIN mandates m ON m.target_unit_id = a.unit_id AND m.channel_id = r.channel_id AND m.status = 'active'
                     AND (m.target_unit_id = r.unit_id OR m.applies_to_subtree)
      ON CONFLICT DO NOTHING`;
    return;
  }
  if ("reportIds" in changed) {
    for (const part of chunk(changed.reportIds, 10000))
      await tx.$executeRaw`
        INSERT INTO report_mandates (report_id, mandate_id, province_id)
        SELECT r.id, m.id, r.province_id FROM reports r
        JOIN units u ON u.id = r.unit_id
        CROSS JOIN LATERAL unnest(string_to_array(trim(both '/' from u.path), '/')::int[]) AS a(unit_id)
        -- OFFSET 0 keeps this a lookup by (target, channel) per ancestor; flattened, the planner
        -- looked mandates up by target alone and filtered the channel, a county's every mandate a report.
        JOIN LATERAL (SELECT m.id FROM mandates m
                      WHERE m.target_unit_id = a.unit_id AND m.channel_id = r.channel_id AND m.status = 'active'
                        AND (m.target_unit_id = r.unit_id OR m.applies_to_subtree) OFFSET 0) m ON true
        WHERE r.id = ANY(${part}::int[])
        ON CONFLICT DO NOTHING`;
    return;
  }
  for (const part of chunk(changed.mandateIds, 10000))
    await tx.$executeRaw`
      INSERT INTO report_mandates (report_id, mandate_id, province_id)
      SELECT r.id, m.id, r.province_id FROM mandates m
      JOIN reports r ON r.unit_id = m.target_unit_id AND r.channel_id = m.channel_id
      WHERE m.id = ANY(${part}::int[]) AND m.status = 'active'
      UNION ALL
      SELECT r.id, m.id, r.province_id FROM mandates m
      JOIN units t ON t.id = m.target_unit_id
      JOIN units u ON u.path LIKE t.path || '_%'
      JOIN reports r ON r.unit_id = u.id AND r.channel_id = m.channel_id
      WHERE m.id = ANY(${part}::int[]) AND m.status = 'active' AND m.applies_to_subtree
      ON CONFLICT DO NOTHING`;
}
