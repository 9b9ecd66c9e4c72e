import "server-only";
import { authorize, type Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db/client";
import { rawTransaction } from "@/lib/db/raw-transaction";
import { CsvFormatError, parseCsv, type CsvTable } from "@/lib/csv/parse-csv";
import { columnLetter, readWorkbook } from "@/lib/workbooks/read-workbook";
import { decodeFile, isXlsx, type Decoded, type FileEncoding } from "./decode-file";
import { writeAuditMany } from "@/lib/audit/write-audit";
import { recomputeAllFlags } from "@/lib/flags/recompute-flags";
import { channelsPlanner } from "./channels-import";
import {
  COLUMNS,
  MAX_IMPORT_ROWS,
  type ImportKind,
  type ImportSummary,
  type IssueCode,
  type Progress,
  type RowIssue,
} from "./import-types";
import { mandatesPlanner } from "./mandates-import";
import type { LineRow, Planner } from "./planner";
import { reportsPlanner } from "./reports-import";
import { unitsPlanner } from "./units-import";

const planners: Record<ImportKind, Planner<unknown>> = {
  units: unitsPlanner as Planner<unknown>,
  channels: channelsPlanner as Planner<unknown>,
  mandates: mandatesPlanner as Planner<unknown>,
  reports: reportsPlanner as Planner<unknown>,
};

/** A file read as a table: its rows, how its text was encoded, and for a workbook the sheet they came from. */
export type ImportFile = { table: CsvTable; encoding: FileEncoding; sheet?: string };

export type ImportOptions = {
  kind: ImportKind;
  /** The file: bytes (a CSV file in UTF-8 or GBK, or an .xlsx workbook) or text; or the table `readImportFile` read from it. */
  text: string | Uint8Array | ImportFile;
  dryRun: boolean;
  progress?: Progress;
  today?: Date;
  /** Recompute the flags after a change (default). Off only where a caller recomputes once after several files. */
  recomputeFlags?: boolean;
  /** How many of the rows that would change a dry run lists (before → after); 200 unless asked (a download asks for all). */
  changesLimit?: number;
};

/**
 * Reads a file as a table of `kind`, or says why it cannot be one: not text (an old .xls
 * workbook, binary), malformed, a required column missing, too many rows. Whole-file problems, so
 * the web import answers them with 422 before it starts streaming progress. GBK / GB18030 files
 * are read as such (decode-file.ts); an .xlsx workbook's first data sheet is read as the CSV of
 * the same rows would be (lib/workbooks/read-workbook.ts).
 */
export async function readImportFile(
  kind: ImportKind,
  input: string | Uint8Array,
): Promise<ImportFile | { issues: RowIssue[]; rows: number }> {
  if (typeof input !== "string" && isXlsx(input)) {
    const workbook = await readWorkbook(input);
    if ("issues" in workbook) return { issues: workbook.issues, rows: 0 };
    return checkTable(kind, { table: workbook.table, encoding: "utf-8", sheet: workbook.sheet });
  }
  return readCsvFile(kind, input);
}

/** readImportFile for CSV alone (a caller that holds text, or bytes that are no workbook). */
export function readCsvFile(
  kind: ImportKind,
  input: string | Uint8Array,
): ImportFile | { issues: RowIssue[]; rows: number } {
  const decoded: Decoded = typeof input === "string" ? { text: input, encoding: "utf-8" } : decodeFile(input);
  if ("refused" in decoded) return { issues: [{ line: 1, field: "", code: decoded.refused }], rows: 0 };
  let table: CsvTable;
  try {
    table = parseCsv(decoded.text);
  } catch (error) {
    if (error instanceof CsvFormatError)
      return { issues: [{ line: error.line, field: "", code: "bad_csv", value: error.reason }], rows: 0 };
    throw error;
  }
  return checkTable(kind, { table, encoding: decoded.encoding });
}

/** The checks of a whole table, whatever file it came from: the required columns, the row limit. */
function checkTable(kind: ImportKind, file: ImportFile): ImportFile | { issues: RowIssue[]; rows: number } {
  const { table } = file;
  const where = (field: string) =>
    file.sheet ? { sheet: file.sheet, column: field ? columnLetter(table.header.indexOf(field)) : "" } : {};
  const missing = COLUMNS[kind].required.filter((c) => !table.header.includes(c));
  if (missing.length)
    return {
      issues: missing.map((c) => ({
        line: 1,
        field: c,
        code: "missing_column" as const,
        ...(file.sheet ? { sheet: file.sheet } : {}),
      })),
      rows: table.rows.length,
    };
  if (table.rows.length > MAX_IMPORT_ROWS)
    return {
      issues: [{ line: MAX_IMPORT_ROWS + 2, field: "", code: "too_many_rows", ...where("") }],
      rows: table.rows.length,
    };
  return file;
}

/** Where each problem is, as Excel names it: the sheet, and the column letter of its header. */
function placeInSheet(file: ImportFile, issues: RowIssue[]): void {
  if (!file.sheet) return;
  for (const issue of issues) {
    issue.sheet = file.sheet;
    const at = file.table.header.indexOf(issue.field);
    if (at >= 0) issue.column = columnLetter(at);
  }
}

/**
 * Imports one CSV file all or nothing: every row is checked first (line and field named); if any
 * row is bad nothing is written, and a dry run writes nothing at all. Re-importing the same file
 * changes nothing. Every change is in the audit log, inside the same transaction. The flags are
 * recomputed after an import that changed something.
 */
export async function importCsv(actor: Actor, options: ImportOptions): Promise<ImportSummary> {
  authorize(actor, "admin:manage");
  const progress = options.progress ?? (() => {});
  const { kind } = options;
  const empty = (issues: RowIssue[], rows = 0): ImportSummary => ({
    kind,
    rows,
    created: 0,
    updated: 0,
    unchanged: 0,
    accountsCreated: 0,
    issues,
    applied: false,
    changes: [],
    encoding: "utf-8",
  });

  const input = options.text;
  const file = typeof input === "object" && "table" in input ? input : await readImportFile(kind, input);
  if ("issues" in file) return empty(file.issues, file.rows);
  const { table, encoding } = file;
  progress("parsed", table.rows.length, table.rows.length);

  const planner = planners[kind];
  const schema = planner.schema(options.today ?? new Date());
  const issues: RowIssue[] = [];
  const valid: LineRow<unknown>[] = [];
  for (const { line, cells } of table.rows) {
    const parsed = schema.safeParse(cells);
    if (parsed.success) valid.push({ line, row: parsed.data });
    else
      for (const issue of parsed.error.issues)
        issues.push({
          line,
          field: String(issue.path[0] ?? ""),
          code: issue.message as IssueCode,
          value: cells[String(issue.path[0])],
        });
  }
  progress("checked", table.rows.length, table.rows.length);

  const db = await getDb();
  const plan = await planner.plan(valid, db);
  for (const issue of plan.issues) issues.push(issue); // not a spread: a file may hold a million bad rows
  issues.sort((a, b) => a.line - b.line);
  placeInSheet(file, issues);
  const summary: ImportSummary = {
    kind,
    rows: table.rows.length,
    created: plan.created,
    updated: plan.updated,
    unchanged: plan.unchanged,
    accountsCreated: plan.accountsCreated,
    issues,
    applied: false,
    changes: [],
    encoding,
    ...(file.sheet ? { sheet: file.sheet } : {}),
  };
  if (issues.length > 0) return summary;
  if (options.dryRun) return { ...summary, changes: plan.changes(options.changesLimit ?? 200) };

  // The driver adapter's own transaction: a million rows' parameters do not go through the
  // Prisma client's JSON round trip (rawTransaction says why).
  await rawTransaction(async (tx) => {
    await plan.apply(tx, actor.userId, progress);
    // Written by the database's clock, as the rows' entries are: one transaction, one time, which
    // is how the audit page gathers an import's rows under this entry.
    await writeAuditMany(tx, [
      {
        actorId: actor.userId,
        action: `import.${kind}`,
        entity: "import",
        after: {
          via: actor.via,
          rows: summary.rows,
          created: summary.created,
          updated: summary.updated,
          unchanged: summary.unchanged,
        },
      },
    ]);
  });
  // Fresh statistics after a bulk change: without them PostgreSQL plans the next queries for
  // empty tables (the public snapshot took 117 s instead of 0.4 s on 10,000 imported reports).
  if (summary.created + summary.updated > 0) await db.$executeRawUnsafe("ANALYZE");
  if (options.recomputeFlags !== false && summary.created + summary.updated > 0) {
    await recomputeAllFlags({
      today: options.today,
      progress: (stage, done, total) => progress(`flags: ${stage}`, done, total),
      actorId: actor.userId,
      trigger: `import.${kind}`,
    });
  }
  return { ...summary, applied: true };
}
