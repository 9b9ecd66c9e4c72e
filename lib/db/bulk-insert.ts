import "server-only";
import { Prisma } from "./generated/client";
import type { RawClient } from "./raw-transaction";

/** A column: its name, the Postgres type it travels as, and a cast on the way in. */
export type BulkColumn = { name: string; type: "int" | "text" | "bool" | "date" | "jsonb"; cast?: string };

/**
 * Inserts many rows in one statement per chunk, read from a JSON array per column (see recordSource).
 * Prisma's createMany spent ~0.3 ms a row in its own code here; this is ~20× faster. Table and
 * column names come from the code, never from input; values always travel as parameters.
 */
export async function bulkInsert<R = { id: number }>(
  db: RawClient,
  table: string,
  columns: readonly BulkColumn[],
  rows: readonly (readonly unknown[])[],
  /** returning: the columns to give back (default "id"); false when the caller needs nothing back. */
  options: { returning?: string | false; chunkSize?: number; onConflictDoNothing?: boolean } = {},
): Promise<R[]> {
  const out: R[] = [];
  const size = options.chunkSize ?? 10_000;
  const names = Prisma.raw(columns.map((c) => `"${c.name}"`).join(", "));
  for (let start = 0; start < rows.length; start += size) {
    const source = recordSource(columns, rows.slice(start, start + size));
    const insert = Prisma.sql`INSERT INTO ${Prisma.raw(`"${table}"`)} (${names})
      SELECT ${source.selects} FROM ${source.from}
      ${options.onConflictDoNothing ? Prisma.sql`ON CONFLICT DO NOTHING` : Prisma.empty}`;
    if (options.returning === false) await db.$executeRaw(insert);
    else
      for (const row of await db.$queryRaw<R[]>(
        Prisma.sql`${insert} RETURNING ${Prisma.raw(options.returning ?? "id")}`,
      ))
        out.push(row);
  }
  return out;
}

/**
 * Rows as a relation "v" read from one JSON array per column (ROWS FROM jsonb_array_elements…):
 * `column(i)` reads column i as v.c<i> with its type and cast, `from` is the source to put after
 * FROM. JSON because Node makes it natively (the driver's own array literals cost nine times as
 * long) and strings need no escaping by hand; a column rather than an object per row because
 * PostgreSQL then parses each value once, in a flat array (243,000 flags: 15.7 s as one JSON
 * object per row through the ORM; a batch of 10,000 flags 136 ms as objects, 82–96 ms as columns).
 */
export function recordSource(columns: readonly BulkColumn[], rows: readonly (readonly unknown[])[]) {
  const isJson = (c: BulkColumn) => c.type === "jsonb";
  const elements = columns.map((c, i) => {
    const values = JSON.stringify(rows.map((r) => r[i] ?? null));
    return isJson(c)
      ? Prisma.sql`jsonb_array_elements(${values}::jsonb)`
      : Prisma.sql`jsonb_array_elements_text(${values}::jsonb)`;
  });
  const column = (i: number) => {
    const c = columns[i]!;
    // A JSON null in a JSON column is no value, as it was as a record field.
    const value = isJson(c) ? `NULLIF(v.c${i}, 'null'::jsonb)` : `v.c${i}`;
    const typed = SQL_TYPE[c.type] ? `${value}::${SQL_TYPE[c.type]}` : value;
    return Prisma.raw(c.cast ? `(${typed})::${c.cast}` : typed);
  };
  return {
    selects: Prisma.join(
      columns.map((_, i) => column(i)),
      ", ",
    ),
    column,
    from: Prisma.sql`ROWS FROM (${Prisma.join(elements, ", ")}) AS v(${Prisma.raw(columns.map((_, i) => `c${i}`).join(", "))})`,
  };
}

/** Types whose text is cast on the way in (text stays text; JSON columns are JSON already). */
const SQL_TYPE: Partial<Record<BulkColumn["type"], string>> = { int: "int", bool: "boolean", date: "date" };

const COLUMN = /^([a-z_][a-z0-9_]*) (int|text|bool|date|jsonb)(?:::(.+))?$/;

/**
 * Columns written as SQL would list them: `"name text, kind text::\"ChannelKind\", quota int"`,
 * each a name, the type it travels as and an optional cast on the way in.
 */
export function bulkColumns(list: string): BulkColumn[] {
  return list.split(/,\s*/).map((spec) => {
    const m = COLUMN.exec(spec.trim());
    if (!m) throw new Error(`bulk column: cannot read "${spec}"`);
    return { name: m[1]!, type: m[2] as BulkColumn["type"], ...(m[3] ? { cast: m[3] } : {}) };
  });
}
