import ExcelJS from "exceljs";
import { COLUMNS, type ImportKind } from "@/lib/imports/import-types";
import { isMessageKey, type MessageKey, type Translate } from "@/lib/i18n/messages";
import { ACTIONS, CHANNEL_KINDS, PURPOSES, UNIT_LEVELS } from "@/lib/vocabulary";

type Row = Record<string, string>;

export const columnsOf = (kind: ImportKind) => [...COLUMNS[kind].required, ...COLUMNS[kind].optional];

/** The columns whose cells come from a fixed vocabulary, with the dictionary prefix of its words. */
const VOCABULARIES: Record<string, { values: readonly string[]; words: string }> = {
  level: { values: UNIT_LEVELS, words: "level" },
  kind: { values: CHANNEL_KINDS, words: "kind" },
  purpose: { values: PURPOSES, words: "purpose" },
  actions: { values: ACTIONS, words: "action" },
};
const YES_NO = new Set(["assessment_linked", "ranking", "applies_to_subtree", "only_for_figures"]);
const LISTS = new Set(["aliases", "actions"]);
const DATES = new Set(["since", "until", "installed_on", "last_used_on"]);
const INTEGERS = new Set(["quota", "accounts", "minutes_per_week", "usefulness"]);
/** Rows of a template that offer the drop-down lists. */
const TEMPLATE_ROWS = 2000;

/** One example row per format, in the demo county's terms (the guide says to replace it). */
const EXAMPLES: Record<ImportKind, Row> = {
  units: { code: "339900001001", name: "前园村", level: "village", parent_code: "339900001" },
  channels: {
    name: "平安乡村",
    kind: "app",
    operator: "339900-D08",
    platform_id: "",
    aliases: "平安乡村APP",
    purpose: "reporting",
    filing: "",
  },
  mandates: {
    issuer_code: "339900-D08",
    unit_code: "339900001001",
    channel: "平安乡村",
    actions: "install|checkin",
    assessment_linked: "true",
    ranking: "false",
    quota: "",
    since: "2026-03-01",
    document: "清政办〔2026〕12号",
    until: "",
    applies_to_subtree: "false",
  },
  reports: {
    unit_code: "339900001001",
    reporter: "zhangsan",
    channel: "平安乡村",
    accounts: "1",
    minutes_per_week: "30",
    installed_on: "2026-03-05",
    last_used_on: "2026-11-20",
    only_for_figures: "false",
    usefulness: "2",
    required_by: "339900-D08",
    actions: "install|checkin",
  },
};

/**
 * A data sheet: the header as the import reads it, then the rows. Every cell is text (the columns
 * are formatted as text too), so a code such as 339900001001 or 007 stays as written instead of
 * becoming a number; a value that looks like a formula is text as well, never run.
 */
function dataSheet(workbook: ExcelJS.Workbook, name: string, columns: string[], rows: Row[]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ key: c, width: Math.max(12, c.length + 4), style: { numFmt: "@" } }));
  sheet.addRow(columns).font = { bold: true };
  for (const row of rows) sheet.addRow(columns.map((c) => row[c] ?? ""));
  return sheet;
}

/** The ledger's rows of one format as an .xlsx workbook, the same columns and cells as the CSV export. */
export async function ledgerWorkbook(kind: ImportKind, rows: Row[], sheetName: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  dataSheet(workbook, sheetName, columnsOf(kind), rows);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** What may go in a column, in words: the vocabulary with its meanings, yes/no, a list, a date, a whole number. */
function valuesOf(t: Translate, column: string): string {
  const vocabulary = VOCABULARIES[column];
  if (vocabulary) {
    const words = vocabulary.values
      .map((v) => {
        const key = `${vocabulary.words}.${v}`;
        return isMessageKey(key) ? `${v}（${t(key as MessageKey)}）` : v;
      })
      .join("、");
    return LISTS.has(column) ? `${words}；${t("workbook.guide.list")}` : words;
  }
  if (YES_NO.has(column)) return t("workbook.guide.yesNo");
  if (LISTS.has(column)) return t("workbook.guide.list");
  if (DATES.has(column)) return t("workbook.guide.date");
  if (INTEGERS.has(column)) return t("workbook.guide.integer");
  return t("workbook.guide.text");
}

/**
 * A template for one format: the data sheet (header, one example row, drop-down lists for the
 * fixed vocabularies and yes/no columns) and a guide sheet in the reader's language, column by
 * column. Filled and uploaded, it imports like the CSV of the same rows.
 */
export async function templateWorkbook(kind: ImportKind, t: Translate): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const columns = columnsOf(kind);
  const sheetName = t(`workbook.sheet.${kind}`);
  const sheet = dataSheet(workbook, sheetName, columns, [EXAMPLES[kind]]);
  sheet.getRow(2).font = { italic: true, color: { argb: "FF64748B" } };
  columns.forEach((column, i) => {
    const vocabulary = VOCABULARIES[column];
    const choices = vocabulary ? vocabulary.values : YES_NO.has(column) ? ["true", "false"] : null;
    if (!choices) return;
    // A list column (actions) offers single values but takes several joined with |, so it only advises.
    const strict = !LISTS.has(column);
    for (let r = 2; r <= TEMPLATE_ROWS + 1; r++)
      sheet.getCell(r, i + 1).dataValidation = {
        type: "list",
        allowBlank: true,
        formulae: [`"${choices.join(",")}"`],
        showErrorMessage: strict,
        errorStyle: "stop",
        error: t("workbook.guide.pick"),
      };
  });
  const guide = workbook.addWorksheet(t("workbook.guide.sheet"));
  guide.columns = [{ width: 22 }, { width: 18 }, { width: 10 }, { width: 90 }];
  guide.addRow([t("workbook.guide.title", { kind: t(`workbook.sheet.${kind}`) })]).font = { bold: true, size: 14 };
  guide.addRow([t("workbook.guide.intro", { sheet: sheetName })]);
  guide.addRow([]);
  guide.addRow((["header", "meaning", "required", "values"] as const).map((c) => t(`workbook.guide.col.${c}`))).font = {
    bold: true,
  };
  for (const column of columns) {
    const key = `import.column.${column}`;
    guide.addRow([
      column,
      isMessageKey(key) ? t(key as MessageKey) : column,
      COLUMNS[kind].required.includes(column) ? t("import.yes") : t("workbook.guide.optional"),
      valuesOf(t, column),
    ]);
  }
  guide.getColumn(4).alignment = { wrapText: true, vertical: "top" };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
