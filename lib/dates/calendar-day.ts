/*
 * Calendar days: the one parser of YYYY-MM-DD (forms, CSV cells, filters) and the one formatter,
 * with Beijing's today and clock time. A day is a Date at UTC midnight, as PostgreSQL's date is read.
 */

/** A calendar day typed as YYYY-MM-DD, at UTC midnight; null when it is not a real day (2026-02-30). */
export function parseDay(text: string): Date | null {
  const day = text.trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().startsWith(day) ? date : null;
}

/** A day as YYYY-MM-DD, or "" for none. */
export function formatDay(date: Date | null | undefined): string {
  return date ? date.toISOString().slice(0, 10) : "";
}

/** Today's date in Beijing (YYYY-MM-DD): the calendar day staff and reviewers live in. */
export function beijingToday(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** A moment as Beijing reads it on a clock: "2026-12-03 21:07". */
export function beijingDateTime(iso: string | Date): string {
  const time = typeof iso === "string" ? Date.parse(iso) : iso.getTime();
  return new Date(time + 8 * 3_600_000).toISOString().slice(0, 16).replace("T", " ");
}
