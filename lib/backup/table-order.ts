import "server-only";
import { Prisma } from "@/lib/db/generated/client";
import type { RawReader } from "@/lib/db/read-all";

export type TableInfo = { name: string; keys: string[]; selfRefs: string[] };

/** Rows per table, as a backup or a restore reports them. */
export type TableCounts = Record<string, number>;
/** Where a backup or a restore says how far it has come (the command line prints it). */
export type Progress = (line: string) => void;
export const quiet: Progress = () => {};

/**
 * The ledger's tables with their primary keys, parents before children (foreign keys), and the
 * columns that point into their own table (a unit's parent), which a restore fills in afterwards.
 */
export async function ledgerTables(db: RawReader): Promise<TableInfo[]> {
  const [tables, keys, fks] = await Promise.all([
    db.$queryRaw<{ name: string }[]>(
      // Partitioned tables whole (their partitions are read through them).
      Prisma.sql`SELECT c.relname AS name FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p')
        AND NOT c.relispartition AND c.relname <> '_prisma_migrations' ORDER BY c.relname`,
    ),
    db.$queryRaw<
      { table: string; column: string }[]
    >(Prisma.sql`SELECT tc.table_name AS "table", kcu.column_name AS "column" FROM information_schema.table_constraints tc
      JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = tc.constraint_name AND kcu.table_schema = tc.table_schema
      WHERE tc.table_schema = 'public' AND tc.constraint_type = 'PRIMARY KEY' ORDER BY kcu.ordinal_position`),
    db.$queryRaw<
      { child: string; parent: string; column: string }[]
    >(Prisma.sql`SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent, a.attname AS "column"
      FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
      WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace AND c.conparentid = 0`),
  ]);
  const strip = (n: string) => n.replace(/^"|"$/g, "");
  const parents = new Map<string, Set<string>>(tables.map((t) => [t.name, new Set<string>()]));
  const selfRefs = new Map<string, string[]>();
  for (const fk of fks) {
    const [child, parent] = [strip(fk.child), strip(fk.parent)];
    if (child === parent) selfRefs.set(child, [...(selfRefs.get(child) ?? []), fk.column]);
    else parents.get(child)?.add(parent);
  }
  const ordered: string[] = [];
  const visit = (name: string, path: Set<string>) => {
    if (ordered.includes(name) || path.has(name)) return;
    path.add(name);
    for (const p of parents.get(name) ?? []) visit(p, path);
    ordered.push(name);
  };
  for (const t of tables) visit(t.name, new Set());
  return ordered.map((name) => ({
    name,
    keys: keys.filter((k) => k.table === name).map((k) => k.column),
    selfRefs: selfRefs.get(name) ?? [],
  }));
}
