import { describe, expect, it } from "vitest";
import { beijingTime, currentSlot, lastTwelveMonths, nextSlot, releaseDue } from "./release-schedule";

const at = (iso: string) => new Date(iso);

describe("the release schedule, in Beijing time", () => {
  it("releases daily at 06:00 Beijing (22:00 UTC the day before)", () => {
    const daily = { days: 1, hour: 6 };
    expect(currentSlot(at("2026-12-02T21:59:00Z"), daily)).toEqual(at("2026-12-01T22:00:00Z"));
    expect(currentSlot(at("2026-12-02T22:00:00Z"), daily)).toEqual(at("2026-12-02T22:00:00Z"));
    expect(nextSlot(at("2026-12-02T22:05:00Z"), daily)).toEqual(at("2026-12-03T22:00:00Z"));
    expect(beijingTime(at("2026-12-02T22:05:00Z"))).toBe("2026-12-03 06:05");
  });

  it("is due once a scheduled time has passed since the last release, and never twice for one", () => {
    const daily = { days: 1, hour: 6 };
    expect(releaseDue(at("2026-12-02T21:00:00Z"), at("2026-12-02T22:01:00Z"), daily)).toBe(true);
    expect(releaseDue(at("2026-12-02T22:01:00Z"), at("2026-12-03T21:59:00Z"), daily)).toBe(false);
  });

  it("releases weekly on Mondays, and not at all on a schedule when live", () => {
    const weekly = { days: 7, hour: 9 };
    // 2026-12-07 is a Monday: 09:00 Beijing is 01:00 UTC.
    expect(nextSlot(at("2026-12-02T10:00:00Z"), weekly)).toEqual(at("2026-12-07T01:00:00Z"));
    expect(currentSlot(at("2026-12-02T10:00:00Z"), { days: 0, hour: 6 })).toBeNull();
    expect(releaseDue(at("2020-01-01T00:00:00Z"), at("2026-12-02T10:00:00Z"), { days: 0, hour: 6 })).toBe(false);
  });

  it("names twelve months with their years, ending with the Beijing month of now", () => {
    const { months, since } = lastTwelveMonths(at("2026-11-30T17:00:00Z")); // already 1 December in Beijing
    expect(months[0]).toBe("2026-01");
    expect(months.at(-1)).toBe("2026-12");
    expect(since).toEqual(at("2025-12-31T16:00:00Z"));
  });
});
