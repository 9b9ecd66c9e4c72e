import "server-only";
import { Prisma } from "@/lib/db/generated/client";
import type { RawClient } from "@/lib/db/raw-transaction";
import { ident } from "./sql-ident";

type Definition = { name: string; def: string };

/** The tables a bulk load may set the indexes and keys of aside (names go into SQL: never from input). */
export type BulkTable = "flags" | "mandates" | "reports" | "report_mandates";

/**
 * Drops a table's secondary indexes and foreign keys inside the caller's transaction, and returns
 * what puts them back exactly as they were (definitions read from the catalogue). For loads that
 * create most of a table — the first recompute of a large ledger, which creates millions of flags;
 * a province's first files: maintaining six indexes and checking two foreign keys row by row cost
 * PostgreSQL 37 s for 2.4 million flags, against 5 s to insert them bare and 6 s to build the
 * indexes and check the keys afterwards (PostgreSQL's own advice for populating a table). The
 * primary key stays (other rows refer to it). Until the transaction ends, other sessions wait to
 * read the table (and, for its keys, the tables they refer to).
 */
export async function setAsideIndexes(tx: RawClient, table: BulkTable): Promise<() => Promise<void>> {
  const relation = Prisma.sql`${table}::regclass`;
  // Indexes that back a constraint (the primary key) are not dropped.
  const indexes = await tx.$queryRaw<Definition[]>(Prisma.sql`
    SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS def
    FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
    WHERE i.indrelid = ${relation} AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
    ORDER BY c.relname`);
  const keys = await tx.$queryRaw<Definition[]>(Prisma.sql`
    SELECT conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint
    WHERE conrelid = ${relation} AND contype = 'f' AND conparentid = 0 ORDER BY conname`);
  for (const k of keys) await tx.$executeRaw(Prisma.sql`ALTER TABLE ${ident(table)} DROP CONSTRAINT ${ident(k.name)}`);
  for (const i of indexes) await tx.$executeRaw(Prisma.sql`DROP INDEX ${ident(i.name)}`);
  return async () => {
    await tx.$executeRaw(Prisma.raw(`SET LOCAL maintenance_work_mem = '256MB'`));
    // A partitioned table's index is defined ON ONLY the parent; built ON it, it covers every partition.
    for (const i of indexes) await tx.$executeRaw(Prisma.raw(i.def.replace(" ON ONLY ", " ON ")));
    for (const k of keys)
      await tx.$executeRaw(
        Prisma.sql`ALTER TABLE ${ident(table)} ADD CONSTRAINT ${ident(k.name)} ${Prisma.raw(k.def)}`,
      );
  };
}

/**
 * For an import about to create `creating` rows in `tables[0]`: when that is at least `atLeast`
 * and at least as many as the table holds (a first load, or its next big part), sets the tables'
 * indexes and keys aside and returns what restores them; else null and nothing happens. A routine
 * import keeps them (it would otherwise lock the tables for its whole run).
 */
export async function setAsideForBulkLoad(
  tx: RawClient,
  tables: BulkTable[],
  creating: number,
  atLeast = 50_000,
): Promise<(() => Promise<void>) | null> {
  if (creating < atLeast) return null;
  const [first] = tables;
  const [held] = await tx.$queryRaw<[{ n: number }]>(
    Prisma.sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM ${ident(first!)} LIMIT ${creating + 1}) x`,
  );
  if (held.n > creating) return null;
  const restores: (() => Promise<void>)[] = [];
  for (const table of tables) restores.push(await setAsideIndexes(tx, table));
  return async () => {
    for (const restore of restores) await restore();
  };
}
