import { describe, expect, it } from "vitest";
import { mandateParser, reportParser } from "./load-ledger";

// Lines as PostgreSQL makes them for lib/db/read-lines.ts: tab-separated, NULL as "".
const fields = (line: string) => line.split("\t");

describe("mandate and report lines", () => {
  it("read a mandate's actions, flags and missing quota", () => {
    const parse = mandateParser();
    const a = parse(fields("7\t2\t3\t40\t{install,checkin}\tt\tf\t"));
    expect(a).toEqual({ id: 7, issuerUnitId: 2, targetUnitId: 3, channelId: 40, actions: ["install", "checkin"], assessmentLinked: true, ranking: false, quota: null });
    expect(parse(fields("8\t2\t3\t41\t{}\tf\tt\t500"))).toMatchObject({ actions: [], ranking: true, quota: 500 });
    expect(parse(fields("9\t2\t3\t42\t\tf\tf\t0"))).toMatchObject({ actions: [], quota: 0 });
  });

  it("read a report's day numbers as dates, and no date as none", () => {
    const parse = reportParser();
    const r = parse(fields("5\t11\t3\t40\t2\t90\t20454\t\tt"));
    expect(r).toEqual({ id: 5, reporterId: 11, unitId: 3, channelId: 40, accounts: 2, minutesPerWeek: 90, installedOn: new Date("2026-01-01T00:00:00Z"), lastUsedOn: null, onlyForFigures: true });
    expect(parse(fields("6\t12\t3\t40\t1\t0\t20454\t20455\tf")).lastUsedOn).toEqual(new Date("2026-01-02T00:00:00Z"));
  });
});
