import { isMessageKey, type MessageKey, type Translate } from "@/lib/i18n/messages";
import type { RowIssue } from "./import-types";
import type { ImportChange } from "./planner";

/** A column in words, with its header as the file spells it (the reader looks for that in the file). */
function columnWords(t: Translate, field: string): string {
  const key = `import.column.${field}`;
  return isMessageKey(key) ? `${t(key)}（${field}）` : field;
}

/**
 * "第 7 行，层级（level）：不是允许的取值：town" in the reader's language; in a workbook
 * "工作表“单位”第 7 行 C 列，层级（level）：…", as Excel names the cell.
 */
export function describeIssue(t: Translate, issue: RowIssue): string {
  const row =
    issue.sheet !== undefined
      ? t("import.cell", {
          sheet: issue.sheet,
          line: issue.line,
          column: issue.column ? t("import.cellColumn", { column: issue.column }) : "",
        })
      : t("import.line", { line: issue.line });
  const where = [row, issue.field ? columnWords(t, issue.field) : ""].filter(Boolean).join(t("import.where.separator"));
  return `${where}${t("import.where.end")}${t(`import.issue.${issue.code}`, { value: issue.value ?? "" })}`;
}

/** The dictionary prefix of the columns whose values are codes of a fixed vocabulary. */
const VOCABULARY: Record<string, string> = { level: "level", kind: "kind", purpose: "purpose", actions: "action" };
/** Columns of yes/no cells and of `|`-separated lists, in the four formats (brief §8). */
const YES_NO = new Set(["assessment_linked", "ranking", "applies_to_subtree", "only_for_figures"]);
const LISTS = new Set(["aliases", "actions"]);

type Cell = ImportChange["columns"][number];

/** A cell in words: yes/no, lists as lists, codes of the fixed vocabularies in the reader's words. */
function cellWords(t: Translate, cell: Cell, value: string): string {
  if (YES_NO.has(cell.column) && (value === "true" || value === "false"))
    return t(value === "true" ? "import.yes" : "import.no");
  const prefix = VOCABULARY[cell.column];
  const values = LISTS.has(cell.column) ? value.split("|") : [value];
  return values
    .map((v) => (prefix && isMessageKey(`${prefix}.${v}`) ? t(`${prefix}.${v}` as MessageKey) : v))
    .join("、");
}

/** What a row would change, in words: "类型 移动应用；别名 钉钉 → 钉钉、DingTalk". */
export function describeChange(t: Translate, change: ImportChange): string {
  return change.columns
    .map((cell) => {
      const key = `import.column.${cell.column}`;
      const name = isMessageKey(key) ? t(key) : cell.column;
      const [before, after] = [cellWords(t, cell, cell.before), cellWords(t, cell, cell.after)];
      return cell.before ? `${name} ${before} → ${after || "∅"}` : `${name} ${after}`;
    })
    .join(t("import.change.separator"));
}
