import "server-only";
import { Prisma } from "@/lib/db/generated/client";
import { chunk } from "@/lib/imports/planner";

type Tx = Prisma.TransactionClient;

/**
 * Ties reports to the active mandates they answer: same channel, and the report's unit is the
 * mandate's target (or below it, for a mandate on a whole subtree). Called with the mandates or
 * the reports that just changed.
 */
export async function linkReportsToMandates(
  tx: Tx,
  changed: { mandateIds: number[] } | { reportIds: number[] },
): Promise<void> {
  const [column, ids] =
    "mandateIds" in changed ? [Prisma.sql`m.id`, changed.mandateIds] : [Prisma.sql`r.id`, changed.reportIds];
  for (const part of chunk(ids, 10000)) {
    await tx.$executeRaw`
      INSERT INTO report_mandates (report_id, mandate_id)
      SELECT r.id, m.id FROM reports r
      JOIN units u ON u.id = r.unit_id
      JOIN mandates m ON m.channel_id = r.channel_id AND m.status = 'active'
      JOIN units t ON t.id = m.target_unit_id
      WHERE ${column} = ANY(${part}::int[])
        AND (r.unit_id = m.target_unit_id OR (m.applies_to_subtree AND u.path LIKE t.path || '%'))
      ON CONFLICT DO NOTHING`;
  }
}
