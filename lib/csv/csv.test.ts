import { describe, expect, it } from "vitest";
import { parseBoolean, splitList } from "./cell-values";
import { parseDay } from "@/lib/dates/calendar-day";
import { CsvFormatError, parseCsv } from "./parse-csv";
import { neutralizeCell, restoreCell, writeCsv } from "./write-csv";

describe("parseCsv", () => {
  it("accepts a BOM, keeps line numbers (header is line 1) even across quoted newlines and blank lines", () => {
    const text = '\uFEFFname,kind\n"多行\n名称",app\n\n学习强国,app\n';
    const { header, rows } = parseCsv(text);
    expect(header).toEqual(["name", "kind"]);
    expect(rows.map((r) => [r.line, r.cells.name])).toEqual([
      [2, "多行\n名称"],
      [5, "学习强国"],
    ]);
  });
  it("reads every row of a file that mixes Windows and Unix line ends, with their line numbers", () => {
    const { rows } = parseCsv("name,kind\r\n学习强国,app\r\n桐乡议事厅,app\n桐乡市议事厅,app\n");
    expect(rows.map((r) => [r.line, r.cells.name, r.cells.kind])).toEqual([
      [2, "学习强国", "app"],
      [3, "桐乡议事厅", "app"],
      [4, "桐乡市议事厅", "app"],
    ]);
  });
  it("handles RFC 4180 quoting: commas and doubled quotes inside a cell", () => {
    const { rows } = parseCsv('name,note\n"a, ""b""",x\n');
    expect(rows[0]!.cells).toEqual({ name: 'a, "b"', note: "x" });
  });
  it("refuses an unclosed quote and an empty file with a line number", () => {
    expect(() => parseCsv('name\n"oops\n')).toThrow(CsvFormatError);
    expect(() => parseCsv("")).toThrow(/header/);
  });
});

describe("cells", () => {
  it("reads the brief's booleans, dates and lists", () => {
    expect(["true", "1", "是", "false", "0", "否", ""].map(parseBoolean)).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
    expect(parseBoolean("maybe")).toBeNull();
    expect(parseDay("2026-02-28")?.toISOString()).toBe("2026-02-28T00:00:00.000Z");
    expect(parseDay("2026-02-30")).toBeNull();
    expect(parseDay("28/02/2026")).toBeNull();
    expect(splitList(" install | register ||")).toEqual(["install", "register"]);
  });
  it("neutralises formula cells in exports and restores them on import", () => {
    for (const v of ["=1+1", "+86", "-x", "@SUM(A1)"]) {
      expect(neutralizeCell(v)).toBe(`'${v}`);
      expect(restoreCell(neutralizeCell(v))).toBe(v);
    }
    expect(neutralizeCell("学习强国")).toBe("学习强国");
    expect(restoreCell("'plain")).toBe("'plain");
  });
  it("writes a header and quotes what needs quoting", () => {
    expect(writeCsv(["a", "b"], [{ a: "x,y", b: '=cmd|"/c calc"' }])).toBe('a,b\n"x,y","\'=cmd|""/c calc"""\n');
  });
});
