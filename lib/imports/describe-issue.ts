import { isMessageKey, type Translate } from "@/lib/i18n/messages";
import type { RowIssue } from "./import-types";

/** A column in words, with its header as the file spells it (the reader looks for that in the file). */
function columnWords(t: Translate, field: string): string {
  const key = `import.column.${field}`;
  return isMessageKey(key) ? `${t(key)}（${field}）` : field;
}

/** "第 7 行，层级（level）：不是允许的取值：town" in the reader's language. */
export function describeIssue(t: Translate, issue: RowIssue): string {
  const where = [t("import.line", { line: issue.line }), issue.field ? columnWords(t, issue.field) : ""]
    .filter(Boolean)
    .join(t("import.where.separator"));
  return `${where}${t("import.where.end")}${t(`import.issue.${issue.code}`, { value: issue.value ?? "" })}`;
}
