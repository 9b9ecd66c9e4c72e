import { describe, expect, it } from "vitest";
import { inIdOrder, readChunks, type Chunk } from "./read-chunks";

describe("reading a table in chunks", () => {
  it("takes every chunk once, in order, having asked for the next before taking one", async () => {
    const ids = Array.from({ length: 25 }, (_, i) => i + 1);
    const asked: number[] = [];
    const taken: number[][] = [];
    const query = async (after: number): Promise<Chunk<number[]>> => {
      asked.push(after);
      const rows = ids.filter((id) => id > after).slice(0, 10);
      return { payload: rows.length ? rows : null, n: rows.length, last: rows.at(-1) ?? null };
    };
    await readChunks(10, query, (rows) => {
      // The next chunk was asked for before this one is taken (PostgreSQL makes it meanwhile).
      if (rows[0] === 1) expect(asked).toEqual([0, 10]);
      taken.push(rows);
    });
    expect(asked).toEqual([0, 10, 20]);
    expect(taken.flat()).toEqual(ids);
  });

  it("puts rows that arrive out of order back in id order", () => {
    expect(inIdOrder([{ id: 1 }, { id: 3 }, { id: 2 }], (r) => r.id)).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }]);
    const sorted = [{ id: 1 }, { id: 2 }];
    expect(inIdOrder(sorted, (r) => r.id)).toBe(sorted);
  });
});
