/** The cell formats of the brief: `|`-separated lists and booleans (days: lib/dates/calendar-day.ts). */

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
