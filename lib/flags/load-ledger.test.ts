import { describe, expect, it } from "vitest";
import { parseLines } from "@/lib/db/read-lines";
import { mandateParser, reportParser } from "./ledger-rows";

// Lines as PostgreSQL makes them for lib/db/read-lines.ts: tab-separated, NULL as "", one row a line.
const lines = (...rows: string[]) => rows.join("\n");

describe("mandate and report lines", () => {
  it("read a mandate's actions, flags, missing quota, subtree and staff who reported it", () => {
    const [a, b, c] = parseLines(
      lines(
        "7\t2\t3\t40\t{install,checkin}\tt\tf\t\tf\t0",
        "8\t2\t3\t41\t{}\tf\tt\t500\tt\t3",
        "9\t2\t3\t42\t\tf\tf\t0\tf\t0",
      ),
      mandateParser(),
    );
    expect(a).toEqual({
      id: 7,
      issuerUnitId: 2,
      targetUnitId: 3,
      channelId: 40,
      actions: ["install", "checkin"],
      assessmentLinked: true,
      ranking: false,
      quota: null,
      subtree: false,
      reporters: 0,
    });
    expect(b).toMatchObject({ id: 8, actions: [], ranking: true, quota: 500, subtree: true, reporters: 3 });
    expect(c).toMatchObject({ id: 9, actions: [], quota: 0 });
  });

  it("read a report's day numbers as dates, and no date as none", () => {
    const [r, s, u] = parseLines(
      lines("5\t11\t3\t40\t2\t90\t20454\t\tt", "6\t12\t3\t40\t1\t0\t20454\t20455\tf", "7\t12\t3\t41\t1\t0\t-1\t\tf"),
      reportParser(),
    );
    expect(r).toEqual({
      id: 5,
      reporterId: 11,
      unitId: 3,
      channelId: 40,
      accounts: 2,
      minutesPerWeek: 90,
      installedOn: new Date("2026-01-01T00:00:00Z"),
      lastUsedOn: null,
      onlyForFigures: true,
    });
    expect(s).toMatchObject({ id: 6, lastUsedOn: new Date("2026-01-02T00:00:00Z"), onlyForFigures: false });
    expect(u).toMatchObject({ id: 7, installedOn: new Date("1969-12-31T00:00:00Z"), lastUsedOn: null });
  });

  it("read no rows from no text, and a last line without its newline", () => {
    expect(parseLines("", mandateParser())).toEqual([]);
    expect(parseLines("1\t2\t3\t4\t{}\tf\tf\t\tf\t0\n", mandateParser())).toHaveLength(1);
  });
});
