import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import { chunk } from "@/lib/imports/planner";

type Tx = Prisma.TransactionClient;

/** Ties reports to the mandates they answer: same channel, and the report's unit is the target (or below it, for subtree mandates). */
export async function linkReportsToMandates(tx: Tx, mandateIds: number[]): Promise<void> {
  for (const part of chunk(mandateIds, 10000)) {
    await tx.$executeRaw`
      INSERT INTO report_mandates (report_id, mandate_id)
      SELECT r.id, m.id FROM mandates m
      JOIN units t ON t.id = m.target_unit_id
      JOIN reports r ON r.channel_id = m.channel_id
      JOIN units u ON u.id = r.unit_id
      WHERE m.id = ANY(${part}::int[])
        AND (r.unit_id = m.target_unit_id OR (m.applies_to_subtree AND u.path LIKE t.path || '%'))
      ON CONFLICT DO NOTHING`;
  }
}

export async function linkMandatesToReports(tx: Tx, reportIds: number[]): Promise<void> {
  for (const part of chunk(reportIds, 10000)) {
    await tx.$executeRaw`
      INSERT INTO report_mandates (report_id, mandate_id)
      SELECT r.id, m.id FROM reports r
      JOIN units u ON u.id = r.unit_id
      JOIN mandates m ON m.channel_id = r.channel_id AND m.status = 'active'
      JOIN units t ON t.id = m.target_unit_id
      WHERE r.id = ANY(${part}::int[])
        AND (r.unit_id = m.target_unit_id OR (m.applies_to_subtree AND u.path LIKE t.path || '%'))
      ON CONFLICT DO NOTHING`;
  }
}
