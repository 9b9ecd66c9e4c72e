import "server-only";
import { Prisma } from "@/lib/db/generated/client";
import type { RawClient } from "@/lib/db/raw-transaction";

/**
 * The province of flags about the national catalogue alone (duplicate channels, a channel's
 * policy conflict without a sponsoring unit): they belong to no unit's province.
 */
export const CATALOGUE_PROVINCE = 0;

/**
 * The province whose partition holds a unit's ledger rows (its reports, the mandates aimed at it,
 * their flags): the unit's first ancestor or itself of level province, else the root of its tree.
 * A trigger keeps units.province_id (migration partitioned_ledger); writers of ledger rows copy it.
 */
export async function provinceOf(tx: Pick<Prisma.TransactionClient, "unit">, unitId: number): Promise<number> {
  const unit = await tx.unit.findUnique({ where: { id: unitId }, select: { provinceId: true } });
  if (unit?.provinceId == null) throw new Error(`unit ${unitId} has no province yet`);
  return unit.provinceId;
}

/** The provinces of many units, or of many reports, by id: for writers of ledger rows in bulk. */
export async function provincesOf(tx: RawClient, table: "units" | "reports", ids: readonly number[]) {
  const out = new Map<number, number>();
  for (let i = 0; i < ids.length; i += 50_000) {
    const part = ids.slice(i, i + 50_000);
    const rows = await tx.$queryRaw<{ id: number; province: number }[]>(
      Prisma.sql`SELECT id, province_id AS province FROM ${Prisma.raw(table)} WHERE id = ANY(${part}::int[])`,
    );
    for (const r of rows) out.set(r.id, r.province);
  }
  return out;
}
