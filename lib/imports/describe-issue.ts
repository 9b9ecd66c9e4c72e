import type { Translate } from "@/lib/i18n/messages";
import type { RowIssue } from "./import-types";

/** "line 7, level: Not an allowed value: town" in the reader's language. */
export function describeIssue(t: Translate, issue: RowIssue): string {
  const where = [t("import.line", { line: issue.line }), issue.field].filter(Boolean).join(", ");
  return `${where}: ${t(`import.issue.${issue.code}`, { value: issue.value ?? "" })}`;
}
