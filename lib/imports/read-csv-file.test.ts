import { describe, expect, it } from "vitest";
import { readCsvFile } from "./run-import";

describe("reading an import file", () => {
  it("refuses a file that is not UTF-8 (a spreadsheet's GBK export) whole, with its own reason", () => {
    const gbk = Uint8Array.from([
      ...Buffer.from("code,name,level,parent_code\nX1,"),
      0xc7,
      0xe5,
      0xba,
      0xd3,
      ...Buffer.from(",village,\n"),
    ]);
    expect(readCsvFile("units", gbk)).toEqual({ issues: [{ line: 1, field: "", code: "not_utf8" }], rows: 0 });
  });

  it("reads UTF-8 bytes, with or without a BOM, and names missing columns", () => {
    const utf8 = Buffer.from("\uFEFFcode,name,level,parent_code\nX1,学习村,village,\n");
    const read = readCsvFile("units", utf8);
    expect("table" in read && read.table.rows[0]!.cells.name).toBe("学习村");
    expect(readCsvFile("units", "code,name\n")).toMatchObject({
      issues: [
        { code: "missing_column", field: "level" },
        { code: "missing_column", field: "parent_code" },
      ],
    });
    expect(readCsvFile("units", '"unclosed\n')).toMatchObject({ issues: [{ code: "bad_csv" }] });
  });
});
