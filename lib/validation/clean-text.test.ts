import { describe, expect, it } from "vitest";
import { FREE_TEXT_CONTROL, ONE_LINE_CONTROL } from "./clean-text";
import { recordNumber } from "./record-number";

describe("text that the ledger refuses", () => {
  it("refuses control characters, what invalid UTF-8 decodes to, and lone surrogates; keeps real text", () => {
    for (const bad of ["a\u0000b", "\u001b[31m", "a\uFFFDb", "a\uD800b", "a\uDC00"]) {
      expect(ONE_LINE_CONTROL.test(bad), JSON.stringify(bad)).toBe(true);
      expect(FREE_TEXT_CONTROL.test(bad), JSON.stringify(bad)).toBe(true);
    }
    for (const good of [
      "学习强国",
      "😀 emoji (a surrogate pair)",
      "<script>alert(1)</script>",
      "'; DROP TABLE x; --",
    ]) {
      expect(ONE_LINE_CONTROL.test(good), good).toBe(false);
    }
    expect(FREE_TEXT_CONTROL.test("line one\r\nline two\ttab")).toBe(false);
    expect(ONE_LINE_CONTROL.test("line one\nline two")).toBe(true);
  });

  it("takes ids only within PostgreSQL's integer range", () => {
    const id = recordNumber(1);
    expect(id.safeParse("2147483647").success).toBe(true);
    for (const bad of ["2147483648", "0", "-1", "1.5", "1e309", "abc", ""])
      expect(id.safeParse(bad).success, bad).toBe(false);
    expect(recordNumber(0).safeParse("0").success).toBe(true);
  });
});
