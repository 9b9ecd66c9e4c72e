import ExcelJS from "exceljs";
import type { CsvRow, CsvTable } from "@/lib/csv/parse-csv";
import type { RowIssue } from "@/lib/imports/import-types";
import { en } from "@/lib/i18n/en";
import { zhCN } from "@/lib/i18n/zh-CN";

/** The sheet that explains a template, in either language it is written in: never read as data. */
const GUIDE_SHEETS = new Set([zhCN["workbook.guide.sheet"], en["workbook.guide.sheet"]]);

/** A1-style column letters as Excel shows them: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** A cell problem found while reading: where it is, as Excel names it. */
type CellIssue = RowIssue & { sheet: string; column: string };

/**
 * A cell as the text a CSV file would hold. A formula is read as the value Excel saved with it
 * (nothing is evaluated here); a formula saved without one, or an error value (#N/A), is a problem
 * of that cell. Dates become YYYY-MM-DD; TRUE / FALSE become true / false.
 */
function cellText(value: ExcelJS.CellValue): { text: string } | { problem: "formula_without_value" | "cell_error" } {
  if (value === null || value === undefined) return { text: "" };
  if (value instanceof Date) return { text: value.toISOString().slice(0, 10) };
  if (typeof value === "object") {
    if ("error" in value) return { problem: "cell_error" };
    if ("formula" in value || "sharedFormula" in value) {
      const result = (value as ExcelJS.CellFormulaValue).result;
      return result === undefined || result === null
        ? { problem: "formula_without_value" }
        : cellText(result as ExcelJS.CellValue);
    }
    if ("richText" in value) return { text: value.richText.map((r) => r.text).join("") };
    if ("text" in value) return cellText((value as ExcelJS.CellHyperlinkValue).text);
    return { text: "" };
  }
  return { text: String(value) };
}

export type WorkbookTable = { table: CsvTable; sheet: string };

/**
 * Reads the first sheet of an .xlsx workbook that is not the template's guide, as the table a CSV
 * file of the same rows would give: the header on row 1, each row keeping its Excel row number as
 * its line, empty rows skipped. A file that is no workbook, or a damaged one, is refused whole.
 */
export async function readWorkbook(bytes: Uint8Array): Promise<WorkbookTable | { issues: CellIssue[] }> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    return { issues: [{ line: 1, field: "", code: "bad_workbook", sheet: "", column: "" }] };
  }
  const sheet = workbook.worksheets.find((s) => !GUIDE_SHEETS.has(s.name));
  if (!sheet) return { issues: [{ line: 1, field: "", code: "bad_workbook", sheet: "", column: "" }] };
  const width = sheet.getRow(1).cellCount;
  const header: string[] = [];
  for (let c = 1; c <= width; c++) {
    const cell = cellText(sheet.getRow(1).getCell(c).value);
    header.push("text" in cell ? cell.text.trim().toLowerCase() : "");
  }
  const rows: CsvRow[] = [];
  const issues: CellIssue[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    if (number === 1) return;
    const cells: Record<string, string> = {};
    let filled = false;
    header.forEach((name, i) => {
      const cell = cellText(row.getCell(i + 1).value);
      if ("problem" in cell) {
        issues.push({ line: number, field: name, code: cell.problem, sheet: sheet.name, column: columnLetter(i) });
        return;
      }
      if (cell.text !== "") filled = true;
      if (name && !(name in cells)) cells[name] = cell.text;
    });
    if (filled) rows.push({ line: number, cells });
  });
  if (issues.length) return { issues };
  return { table: { header, rows }, sheet: sheet.name };
}
