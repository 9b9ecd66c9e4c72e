import "server-only";

/** One chunk of a keyset-paged read: its payload, how many rows it holds and the last id. */
export type Chunk<P> = { payload: P | null; n: number; last: number | null };

/**
 * Reads a table in chunks of `size` rows by id (`query(after)` gives the rows with ids above
 * `after`), handing each payload to `take` in turn. The next chunk is asked for before the current
 * one is taken, so PostgreSQL makes it while Node parses: a province is tens of chunks, and one
 * after the other they cost the sum of both sides instead of the larger.
 */
export async function readChunks<P>(
  size: number,
  query: (after: number) => Promise<Chunk<P>>,
  take: (payload: P) => void,
): Promise<void> {
  let next = query(0);
  for (;;) {
    const chunk = await next;
    const more = chunk.n >= size && chunk.last !== null;
    if (more) {
      next = query(chunk.last!);
      next.catch(() => undefined); // awaited on the next turn; a failure of take first must not leave it unhandled
    }
    if (chunk.payload !== null) take(chunk.payload);
    if (!more) return;
  }
}

/**
 * Rows in id order. Chunks are aggregated without an ORDER BY inside the aggregate (sorting
 * megabytes of text spilled to disk and tripled PostgreSQL's time); their rows come from an
 * ordered subquery and so arrive in order, which this checks rather than assumes.
 */
export function inIdOrder<T>(rows: T[], id: (row: T) => number): T[] {
  for (let i = 1; i < rows.length; i++) {
    if (id(rows[i]!) < id(rows[i - 1]!)) return rows.sort((a, b) => id(a) - id(b));
  }
  return rows;
}
