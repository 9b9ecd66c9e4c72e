import "server-only";
import { Prisma } from "./generated/client";

export type RawReader = { $queryRaw: <T>(query: Prisma.Sql) => Promise<T> };
const CHUNK = 100_000;

/**
 * Rows of one query in id order, read in chunks that PostgreSQL serialises as one JSON array each:
 * a million rows through the ORM's row mapping took several times longer than the scan itself.
 * `select` lists columns of the table aliased "t", its id first (code, never input); `from` names
 * that table and ends with a WHERE clause to which the paging condition is added.
 */
export async function readAll(db: RawReader, select: string, from: Prisma.Sql): Promise<unknown[][]> {
  const out: unknown[][] = [];
  for (let after = 0; ; ) {
    const [{ rows }] = await db.$queryRaw<[{ rows: string | null }]>(Prisma.sql`
      SELECT json_agg(chunk.r ORDER BY chunk.id)::text AS rows FROM (
        SELECT t.id, json_build_array(${Prisma.raw(select)}) AS r ${from} AND t.id > ${after} ORDER BY t.id LIMIT ${CHUNK}
      ) chunk`);
    const part = rows ? (JSON.parse(rows) as unknown[][]) : [];
    for (const row of part) out.push(row);
    if (part.length < CHUNK) return out;
    after = part[part.length - 1]![0] as number;
  }
}
