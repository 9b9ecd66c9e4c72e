/*
 * When the public figures are released: every `days` days at `hour` o'clock Beijing time (UTC+8,
 * no summer time), counted from a Monday so that 7 days means every Monday; 0 days means live (a
 * release whenever the ledger changes). Pure, so the page and the tests agree on the times.
 */
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
export const BEIJING_OFFSET_MS = 8 * HOUR_MS;
/** Monday 2026-01-05, 00:00 Beijing time. */
const ANCHOR_MS = Date.UTC(2026, 0, 5) - BEIJING_OFFSET_MS;

export type ReleaseSchedule = { days: number; hour: number };

/** The latest scheduled release time at or before `now` (null when live). */
export function currentSlot(now: Date, { days, hour }: ReleaseSchedule): Date | null {
  if (days <= 0) return null;
  const period = days * DAY_MS;
  const base = ANCHOR_MS + hour * HOUR_MS;
  return new Date(base + Math.floor((now.getTime() - base) / period) * period);
}

/** The first scheduled release time after `after` (null when live). */
export function nextSlot(after: Date, schedule: ReleaseSchedule): Date | null {
  const slot = currentSlot(after, schedule);
  return slot && new Date(slot.getTime() + schedule.days * DAY_MS);
}

/** A release is due when a scheduled time has passed since the last one. */
export function releaseDue(lastReleasedAt: Date, now: Date, schedule: ReleaseSchedule): boolean {
  const slot = currentSlot(now, schedule);
  return slot !== null && lastReleasedAt.getTime() < slot.getTime();
}

/** "2026-12-02 14:05" in Beijing time (the caller says so beside it). */
export function beijingTime(date: Date): string {
  return new Date(date.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 16).replace("T", " ");
}

/** The Beijing calendar month ("YYYY-MM") of a time. */
export function beijingMonth(date: Date): string {
  return new Date(date.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 7);
}

/** The twelve Beijing months up to the one of `now`, oldest first, and the instant the first began. */
export function lastTwelveMonths(now: Date): { months: string[]; since: Date } {
  const [year, month] = beijingMonth(now).split("-").map(Number) as [number, number];
  const months = Array.from({ length: 12 }, (_, i) => {
    const d = new Date(Date.UTC(year, month - 1 - 11 + i, 1));
    return d.toISOString().slice(0, 7);
  });
  return { months, since: new Date(Date.UTC(year, month - 12, 1) - BEIJING_OFFSET_MS) };
}
