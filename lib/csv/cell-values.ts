/** The cell formats of the brief: `|`-separated lists, booleans, dates as YYYY-MM-DD. */

export function splitList(cell: string): string[] {
  return cell
    .split("|")
    .map((s) => s.trim())
    .filter(Boolean);
}

export function joinList(items: readonly string[]): string {
  return items.join("|");
}

const TRUE = new Set(["true", "1", "是", "yes"]);
const FALSE = new Set(["false", "0", "否", "no", ""]);

export function parseBoolean(cell: string): boolean | null {
  const v = cell.trim().toLowerCase();
  if (TRUE.has(v)) return true;
  if (FALSE.has(v)) return false;
  return null;
}

/** A calendar date at UTC midnight, or null when the text is not a real YYYY-MM-DD date. */
export function parseDate(cell: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(cell.trim());
  if (!m) return null;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().startsWith(cell.trim()) ? date : null;
}

export function formatDate(date: Date | null | undefined): string {
  return date ? date.toISOString().slice(0, 10) : "";
}
