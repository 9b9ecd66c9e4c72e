import type { FileEncoding } from "./decode-file";
import type { ImportChange } from "./planner";
export const IMPORT_KINDS = ["units", "channels", "mandates", "reports"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** The columns of each format, fixed by the brief (section 8); optional ones may be absent. */
export const COLUMNS: Record<ImportKind, { required: readonly string[]; optional: readonly string[] }> = {
  units: { required: ["code", "name", "level", "parent_code"], optional: [] },
  channels: { required: ["name", "kind", "operator", "platform_id", "aliases", "purpose"], optional: ["filing"] },
  mandates: {
    required: [
      "issuer_code",
      "unit_code",
      "channel",
      "actions",
      "assessment_linked",
      "ranking",
      "quota",
      "since",
      "document",
    ],
    optional: ["until", "applies_to_subtree"],
  },
  reports: {
    required: [
      "unit_code",
      "reporter",
      "channel",
      "accounts",
      "minutes_per_week",
      "installed_on",
      "last_used_on",
      "only_for_figures",
      "usefulness",
    ],
    optional: ["required_by", "actions"],
  },
};

export const ISSUE_CODES = [
  "workbook",
  "bad_workbook",
  "formula_without_value",
  "cell_error",
  "damaged_utf8",
  "not_text",
  "bad_csv",
  "missing_column",
  "required",
  "too_long",
  "control_chars",
  "invalid_code",
  "invalid_choice",
  "invalid_boolean",
  "invalid_date",
  "future_date",
  "invalid_number",
  "out_of_range",
  "duplicate_row",
  "unknown_unit",
  "unknown_channel",
  "unknown_action",
  "cycle",
  "reporter_elsewhere",
  "too_many_rows",
] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];

/** A problem of a row: its line (a workbook's row number), the column by its header, and in a workbook the sheet and column letter as Excel shows them. */
export type RowIssue = {
  line: number;
  field: string;
  code: IssueCode;
  value?: string;
  sheet?: string;
  column?: string;
};

export type ImportSummary = {
  kind: ImportKind;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Accounts an import of reports creates for unknown logins (they cannot sign in until activated). */
  accountsCreated: number;
  issues: RowIssue[];
  applied: boolean;
  /** A dry run's rows that would change, in file order (the first 200 unless more were asked for). */
  changes: ImportChange[];
  /** How the file's text was encoded: a spreadsheet's GBK "CSV" is read as GB18030 (its superset), and said so. */
  encoding: FileEncoding;
  /** The sheet a workbook's rows were read from (absent for CSV). */
  sheet?: string;
};

export type Progress = (stage: string, done: number, total: number) => void;

export const MAX_IMPORT_ROWS = 1_000_000;
