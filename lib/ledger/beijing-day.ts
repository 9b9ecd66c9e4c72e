/** Today's date in Beijing (YYYY-MM-DD): the calendar day staff and reviewers live in. */
export function beijingToday(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
