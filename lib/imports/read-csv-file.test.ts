import { describe, expect, it } from "vitest";
import { readCsvFile } from "./run-import";

/** 清河 as Excel saves it on a Chinese Windows: GBK, not UTF-8. */
const gbk = Uint8Array.from([
  ...Buffer.from("code,name,level,parent_code\nX1,"),
  0xc7,
  0xe5,
  0xba,
  0xd3,
  ...Buffer.from(",village,\n"),
]);

describe("reading an import file", () => {
  it("reads a spreadsheet's GBK file as GB18030 and says so", () => {
    const read = readCsvFile("units", gbk);
    expect("table" in read && read.table.rows[0]!.cells.name).toBe("清河");
    expect("table" in read && read.encoding).toBe("gb18030");
  });

  it("refuses a workbook saved as it is, and bytes that are no text, whole and with the reason", () => {
    const xlsx = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]);
    const xls = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(readCsvFile("units", xlsx)).toEqual({ issues: [{ line: 1, field: "", code: "workbook" }], rows: 0 });
    expect(readCsvFile("units", xls)).toEqual({ issues: [{ line: 1, field: "", code: "workbook" }], rows: 0 });
    // 0xFF is a lead byte in neither encoding.
    const binary = Uint8Array.from([...Buffer.from("code,name,level,parent_code\n"), 0xff, 0xfe, 0x80, 0x00]);
    expect(readCsvFile("units", binary)).toEqual({ issues: [{ line: 1, field: "", code: "not_text" }], rows: 0 });
  });

  it("refuses UTF-8 with a damaged byte instead of reading it as GB18030 nonsense", () => {
    // 清河 and 镇党政办 in UTF-8, a third name cut off mid-character.
    const damaged = Buffer.concat([
      Buffer.from("code,name,level,parent_code\nX1,清河,village,\nX2,镇党政办,village,\nX3,"),
      Buffer.from("学习", "utf8").subarray(0, 5),
      Buffer.from(",village,\n"),
    ]);
    expect(readCsvFile("units", damaged)).toEqual({ issues: [{ line: 1, field: "", code: "damaged_utf8" }], rows: 0 });
  });

  it("reads UTF-8 bytes, with or without a BOM, and names missing columns", () => {
    const utf8 = Buffer.from("\uFEFFcode,name,level,parent_code\nX1,学习村,village,\n");
    const read = readCsvFile("units", utf8);
    expect("table" in read && read.table.rows[0]!.cells.name).toBe("学习村");
    expect("table" in read && read.encoding).toBe("utf-8");
    expect(readCsvFile("units", "code,name\n")).toMatchObject({
      issues: [
        { code: "missing_column", field: "level" },
        { code: "missing_column", field: "parent_code" },
      ],
    });
    expect(readCsvFile("units", '"unclosed\n')).toMatchObject({ issues: [{ code: "bad_csv" }] });
  });
});
