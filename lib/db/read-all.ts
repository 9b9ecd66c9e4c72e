import "server-only";
import { Prisma } from "./generated/client";
import { inIdOrder, readChunks, type Chunk } from "./read-chunks";

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
  const query = async (after: number) => {
    const [chunk] = await db.$queryRaw<[Chunk<string>]>(Prisma.sql`
      SELECT json_agg(chunk.r)::text AS payload, count(*)::int AS n, max(chunk.id) AS last FROM (
        SELECT t.id, json_build_array(${Prisma.raw(select)}) AS r ${from} AND t.id > ${after} ORDER BY t.id LIMIT ${CHUNK}
      ) chunk`);
    return chunk;
  };
  await readChunks(CHUNK, query, (text) => {
    for (const row of inIdOrder(JSON.parse(text) as unknown[][], (r) => r[0] as number)) out.push(row);
  });
  return out;
}
