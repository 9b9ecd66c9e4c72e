import "server-only";
import { Prisma } from "@/lib/db/generated/client";
import type { RawClient } from "@/lib/db/raw-transaction";
import { ident } from "@/lib/db/sql-ident";

type Definition = { name: string; def: string };

/**
 * Drops the flags table's secondary indexes and foreign keys inside the caller's transaction, and
 * returns what puts them back exactly as they were (definitions read from the catalogue). For the
 * first recompute of a large ledger, which creates millions of flags: maintaining six indexes and
 * checking two foreign keys row by row cost PostgreSQL 37 s for 2.4 million rows, against 5 s to
 * insert them bare and 6 s to build the indexes and check the keys afterwards (PostgreSQL's own
 * advice for populating a table). The primary key stays (decisions refer to it). Until the
 * transaction ends, other sessions wait to read flags.
 */
export async function setAsideFlagIndexes(tx: RawClient): Promise<() => Promise<void>> {
  // Indexes that back a constraint (the primary key) are not dropped.
  const indexes = await tx.$queryRaw<Definition[]>(Prisma.sql`
    SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS def
    FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
    WHERE i.indrelid = 'flags'::regclass AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
    ORDER BY c.relname`);
  const keys = await tx.$queryRaw<Definition[]>(Prisma.sql`
    SELECT conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint
    WHERE conrelid = 'flags'::regclass AND contype = 'f' ORDER BY conname`);
  for (const k of keys) await tx.$executeRaw(Prisma.sql`ALTER TABLE flags DROP CONSTRAINT ${ident(k.name)}`);
  for (const i of indexes) await tx.$executeRaw(Prisma.sql`DROP INDEX ${ident(i.name)}`);
  return async () => {
    await tx.$executeRaw(Prisma.raw(`SET LOCAL maintenance_work_mem = '256MB'`));
    for (const i of indexes) await tx.$executeRaw(Prisma.raw(i.def));
    for (const k of keys)
      await tx.$executeRaw(Prisma.sql`ALTER TABLE flags ADD CONSTRAINT ${ident(k.name)} ${Prisma.raw(k.def)}`);
  };
}
