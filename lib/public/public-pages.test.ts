import { describe, expect, it } from "vitest";
import { PUBLIC_PAGE_ROWS, publicPageOf } from "./public-pages";

describe("pages of a long public list", () => {
  it("give the page asked for, the first for anything that is not a page number, and the last past the end", () => {
    const rows = PUBLIC_PAGE_ROWS * 3 + 1;
    expect(publicPageOf("2", rows)).toEqual({ page: 2, pages: 4 });
    for (const odd of [undefined, "", "0", "-3", "2.5", "abc", ["2", "3"]])
      expect(publicPageOf(odd, rows).page).toBe(1);
    expect(publicPageOf("99", rows)).toEqual({ page: 4, pages: 4 });
    expect(publicPageOf("2", 0)).toEqual({ page: 1, pages: 1 });
  });
});
