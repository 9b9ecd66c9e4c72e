import { describe, expect, it } from "vitest";
import { suppressedCells, type Cell } from "./suppress";

const cell = (id: number, parentId: number | null, reporters: number, directReporters = 0): Cell => ({ id, parentId, reporters, directReporters });

describe("small-cell suppression", () => {
  it("withholds cells below the threshold, and nothing when every cell is large enough", () => {
    expect([...suppressedCells([cell(1, null, 30), cell(2, 1, 10), cell(3, 1, 20)], 5)]).toEqual([]);
    expect(suppressedCells([cell(1, null, 3)], 5)).toEqual(new Set([1]));
  });

  it("withholds the smallest sibling too, so a withheld cell cannot be recovered by subtraction", () => {
    const cells = [cell(1, null, 32), cell(2, 1, 3), cell(3, 1, 9), cell(4, 1, 20)];
    const s = suppressedCells(cells, 5);
    expect(s).toEqual(new Set([2, 3]));
    // What the public sees cannot give back cell 2: 32 − 20 = 12 = cells 2 + 3 together.
  });

  it("treats the parent's own staff as a hidden cell", () => {
    // County of 25 = townships 10 + 12 + its own office of 3: publishing both townships reveals the office.
    const s = suppressedCells([cell(1, null, 25, 3), cell(2, 1, 10), cell(3, 1, 12)], 5);
    expect(s).toEqual(new Set([2]));
  });

  it("withholds the parent when there is no sibling to withhold, and checks again one level up", () => {
    // Township 2 (8) = village 4 (3) + its own 5: with no other village, the township goes; then the county needs a complement.
    const cells = [cell(1, null, 40), cell(2, 1, 8, 5), cell(3, 1, 32), cell(4, 2, 3)];
    const s = suppressedCells(cells, 5);
    expect(s.has(4)).toBe(true);
    expect(s.has(2)).toBe(true);
    expect(s.has(3)).toBe(true);
  });
});
