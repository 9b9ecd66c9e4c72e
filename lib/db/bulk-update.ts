import "server-only";
import { Prisma } from "./generated/client";
import { recordSource, type BulkColumn } from "./bulk-insert";
import type { RawClient } from "./raw-transaction";

/**
 * Updates many rows by id in one statement per chunk: the first column is the id, the others are
 * set from the arrays; `extra` adds assignments that read the old row as "t" and the new as "v".
 */
export async function bulkUpdate(
  db: Pick<RawClient, "$executeRaw">,
  table: string,
  columns: readonly BulkColumn[],
  rows: readonly (readonly unknown[])[],
  extra: Prisma.Sql = Prisma.empty,
  chunkSize = 10_000,
): Promise<number> {
  let updated = 0;
  for (let start = 0; start < rows.length; start += chunkSize) {
    const source = recordSource(columns, rows.slice(start, start + chunkSize));
    const sets = Prisma.join(
      columns.slice(1).map((c, i) => Prisma.sql`${Prisma.raw(`"${c.name}"`)} = ${source.column(i + 1)}`),
      ", ",
    );
    updated += await db.$executeRaw(Prisma.sql`UPDATE ${Prisma.raw(`"${table}"`)} AS t SET ${sets}${extra}
      FROM ${source.from} WHERE t.${Prisma.raw(`"${columns[0]!.name}"`)} = ${source.column(0)}`);
  }
  return updated;
}
