/** Today's date in Beijing (YYYY-MM-DD): the calendar day staff and reviewers live in. */
export function beijingToday(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** A moment as Beijing reads it on a clock: "2026-12-03 21:07". */
export function beijingDateTime(iso: string | Date): string {
  const time = typeof iso === "string" ? Date.parse(iso) : iso.getTime();
  return new Date(time + 8 * 3_600_000).toISOString().slice(0, 16).replace("T", " ");
}
