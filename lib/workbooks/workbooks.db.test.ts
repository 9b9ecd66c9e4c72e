import fs from "node:fs";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { exportLedger } from "@/lib/exports/export-ledger";
import { describeIssue } from "@/lib/imports/describe-import";
import { IMPORT_KINDS, type ImportKind } from "@/lib/imports/import-types";
import { importCsv } from "@/lib/imports/run-import";
import { translator } from "@/lib/i18n/messages";
import { columnsOf, templateWorkbook } from "./write-workbook";

const t = translator("zh-CN");
const sample = (kind: ImportKind) => fs.readFileSync(`e2e/data/sample/${kind}.csv`);
const load = async (bytes: Buffer) => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
};
const bytesOf = async (workbook: ExcelJS.Workbook) => new Uint8Array(await workbook.xlsx.writeBuffer());
const importFile = (kind: ImportKind, text: Uint8Array, dryRun = false) =>
  importCsv(CLI_ACTOR, { kind, text, dryRun, today: new Date("2026-12-01T00:00:00Z"), recomputeFlags: false });

describe("workbooks", () => {
  it("a template holds the header, an example, drop-down lists and a guide in Chinese", async () => {
    const workbook = await load(await templateWorkbook("channels", t));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["渠道", "填写说明"]);
    const data = workbook.worksheets[0]!;
    expect((data.getRow(1).values as string[]).slice(1)).toEqual(columnsOf("channels"));
    expect(data.getCell("A2").value).toBe("平安乡村");
    expect(data.getCell("B500").dataValidation).toMatchObject({
      type: "list",
      formulae: [expect.stringContaining("mini_program")],
    });
    const guide = workbook.worksheets[1]!;
    const words = guide.getSheetValues().flat().join(" ");
    expect(words).toContain("填写说明");
    expect(words).toContain("app（移动应用）");
  });

  it("the sample county goes in as workbooks and comes out the same, rows and cells; again, it changes nothing", async () => {
    for (const kind of IMPORT_KINDS) {
      const csv = await importFile(kind, sample(kind));
      expect(csv.issues, kind).toEqual([]);
      const before = await exportLedger(CLI_ACTOR, kind, "csv");
      const workbook = (await exportLedger(CLI_ACTOR, kind, "xlsx", t)) as Buffer;
      const again = await importFile(kind, workbook);
      expect(again, kind).toMatchObject({
        issues: [],
        created: 0,
        updated: 0,
        unchanged: csv.rows,
        sheet: t(`workbook.sheet.${kind}`),
      });
      expect(await exportLedger(CLI_ACTOR, kind, "csv"), kind).toBe(before);
    }
  });

  it("a template filled by a script imports after a dry run, codes with leading zeros kept", async () => {
    const workbook = await load(await templateWorkbook("units", t));
    const data = workbook.worksheets[0]!;
    data.getRow(2).values = ["007", "零零七镇", "township", "339800"];
    data.getRow(3).values = ["007-1", "一号村", "village", "007"];
    const file = await bytesOf(workbook);
    const dry = await importFile("units", file, true);
    expect(dry).toMatchObject({ issues: [], created: 2, applied: false });
    expect(dry.changes.map((c) => c.record)).toEqual(["007", "007-1"]);
    expect(await importFile("units", file)).toMatchObject({ created: 2, applied: true });
    expect(await exportLedger(CLI_ACTOR, "units", "csv")).toContain("007-1,一号村,village,007");
  });

  it("a wrong cell is named by sheet, row and column letter, and nothing is changed", async () => {
    const workbook = await load(await templateWorkbook("units", t));
    const data = workbook.worksheets[0]!;
    data.getRow(2).values = ["T1", "甲镇", "township", "339800"];
    data.getRow(3).values = ["T2", "乙镇", "town", "339800"];
    const summary = await importFile("units", await bytesOf(workbook));
    expect(summary.applied).toBe(false);
    expect(summary.issues).toEqual([
      expect.objectContaining({ sheet: "单位", line: 3, column: "C", field: "level", code: "invalid_choice" }),
    ]);
    expect(describeIssue(t, summary.issues[0]!)).toMatch(/^工作表“单位”第 3 行 C 列，层级（level）：/);
    expect(await exportLedger(CLI_ACTOR, "units", "csv")).not.toContain("甲镇");
  });

  it("reads a formula as the value saved with it, and refuses one saved without, or an error value", async () => {
    const workbook = await load(await templateWorkbook("units", t));
    const data = workbook.worksheets[0]!;
    data.getRow(2).values = ["F1", { formula: 'CONCAT("公式","镇")', result: "公式镇" }, "township", "339800"];
    const read = await importFile("units", await bytesOf(workbook), true);
    expect(read.issues).toEqual([]);
    expect(read.changes[0]!.columns).toContainEqual({ column: "name", before: "", after: "公式镇" });
    data.getRow(2).values = ["F1", { formula: "1/0" }, "township", { error: "#REF!" }];
    const refused = await importFile("units", await bytesOf(workbook), true);
    expect(refused.issues.map((i) => [i.code, i.line, i.column])).toEqual([
      ["formula_without_value", 2, "B"],
      ["cell_error", 2, "D"],
    ]);
  });

  it("refuses a damaged workbook whole, and an old .xls by name", async () => {
    const damaged = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from("not really a zip")]);
    expect((await importFile("units", damaged)).issues.map((i) => i.code)).toEqual(["bad_workbook"]);
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]);
    expect((await importFile("units", xls)).issues.map((i) => i.code)).toEqual(["workbook"]);
  });
});
