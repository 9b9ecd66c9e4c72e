import { describe, expect, it } from "vitest";
import { getDb } from "./client";

/*
 * The path past one PostgreSQL (docs/scale.md): Citus with the ledger's tables distributed by
 * province_id and co-located, the catalogue, the tree, people and settings as reference tables
 * (copied to every node), the audit log on the coordinator. Citus refuses a distributed table
 * whose primary or unique keys leave out the distribution column, a foreign key between
 * distributed tables that does not join on it, and a key from a reference table to a distributed
 * one. This reads the schema's keys from the catalogue and fails on any of those.
 */

const DISTRIBUTED = ["flag_decisions", "flags", "mandates", "report_history", "report_mandates", "reports"];
const COORDINATOR = ["audit_log"];
const COLUMN = "province_id";

type Key = {
  table: string;
  name: string;
  type: string;
  columns: string[];
  refTable: string | null;
  refColumns: string[] | null;
};

async function keys(): Promise<{ tables: string[]; keys: Key[] }> {
  const db = await getDb();
  const tables = await db.$queryRaw<{ name: string }[]>`
    SELECT relname AS name FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p')
      AND NOT relispartition AND relname <> '_prisma_migrations' ORDER BY 1`;
  const constraints = await db.$queryRaw<Key[]>`
    SELECT c.conrelid::regclass::text AS "table", c.conname AS name, c.contype::text AS type,
      ARRAY(SELECT a.attname::text FROM unnest(c.conkey) k JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k) AS columns,
      CASE WHEN c.contype = 'f' THEN c.confrelid::regclass::text END AS "refTable",
      CASE WHEN c.contype = 'f' THEN ARRAY(SELECT a.attname::text FROM unnest(c.confkey) k JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k) END AS "refColumns"
    FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
    WHERE c.connamespace = 'public'::regnamespace AND c.contype IN ('p', 'u', 'f') AND c.conparentid = 0 AND NOT t.relispartition
    UNION ALL
    -- Unique indexes made without a constraint (as Prisma makes @@unique).
    SELECT i.indrelid::regclass::text, x.relname, 'u',
      ARRAY(SELECT a.attname::text FROM unnest(i.indkey) k JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k), NULL, NULL
    FROM pg_index i JOIN pg_class x ON x.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid
    WHERE i.indisunique AND NOT i.indisprimary AND x.relnamespace = 'public'::regnamespace AND NOT t.relispartition
      AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)`;
  return { tables: tables.map((t) => t.name), keys: constraints };
}

/** Why Citus would refuse the schema, one line per reason (empty when it would accept it). */
function obstacles({ tables, keys }: { tables: string[]; keys: Key[] }): string[] {
  const out: string[] = [];
  const kindOf = (t: string) =>
    DISTRIBUTED.includes(t) ? "distributed" : COORDINATOR.includes(t) ? "local" : "reference";
  for (const t of DISTRIBUTED) if (!tables.includes(t)) out.push(`${t}: missing`);
  for (const k of keys) {
    const kind = kindOf(k.table);
    if ((k.type === "p" || k.type === "u") && kind === "distributed" && !k.columns.includes(COLUMN))
      out.push(`${k.table}.${k.name}: a unique key without ${COLUMN}`);
    if (k.type !== "f") continue;
    const target = kindOf(k.refTable!);
    if (kind === "distributed" && target === "distributed") {
      const i = k.columns.indexOf(COLUMN);
      if (i < 0 || k.refColumns![i] !== COLUMN)
        out.push(`${k.table}.${k.name}: a key to ${k.refTable} not joined on ${COLUMN}`);
    }
    if (kind !== "distributed" && target === "distributed")
      out.push(`${k.table}.${k.name}: a ${kind} table refers to ${k.refTable}`);
    if (kind === "distributed" && target === "local")
      out.push(`${k.table}.${k.name}: refers to the coordinator's ${k.refTable}`);
  }
  return out;
}

describe("the schema, read as Citus would distribute it by province", () => {
  it("has a province on every ledger table, in each of its unique keys and in every key between them", async () => {
    const schema = await keys();
    expect(obstacles(schema)).toEqual([]);
    // Every ledger table is partitioned by the same column Citus would distribute it by.
    const db = await getDb();
    const partitioned = await db.$queryRaw<{ t: string; key: string }[]>`
      SELECT c.relname AS t, pg_get_partkeydef(c.oid) AS key FROM pg_class c JOIN pg_partitioned_table p ON p.partrelid = c.oid
      WHERE c.relnamespace = 'public'::regnamespace ORDER BY 1`;
    expect(partitioned).toEqual([
      { t: "audit_log", key: "RANGE (at)" },
      ...DISTRIBUTED.map((t) => ({ t, key: `HASH (${COLUMN})` })),
    ]);
  });

  it("would catch a key that stops the distribution", async () => {
    const schema = await keys();
    const broken: Key[] = [
      ...schema.keys,
      {
        table: "reports",
        name: "reports_reporter_key",
        type: "u",
        columns: ["reporter_id", "channel_id"],
        refTable: null,
        refColumns: null,
      },
      {
        table: "report_mandates",
        name: "to_mandate",
        type: "f",
        columns: ["mandate_id"],
        refTable: "mandates",
        refColumns: ["id"],
      },
      {
        table: "case_owners",
        name: "to_flag",
        type: "f",
        columns: ["case_key"],
        refTable: "flags",
        refColumns: ["subject_key"],
      },
    ];
    expect(obstacles({ ...schema, keys: broken })).toEqual([
      "reports.reports_reporter_key: a unique key without province_id",
      "report_mandates.to_mandate: a key to mandates not joined on province_id",
      "case_owners.to_flag: a reference table refers to flags",
    ]);
  });
});
