import { describe, expect, it } from "vitest";
import { DEFAULT_THRESHOLDS, saveThresholdsSchema } from "@/lib/settings/thresholds.validation";
import type { ChannelRow, Ledger, MandateRow, ReportRow, UnitRow } from "../finding";
import { overload, zombie } from "./usage-kinds";

const TODAY = new Date("2026-11-01T00:00:00Z");
const unit = (id: number, level = "village"): UnitRow => ({
  id,
  code: `U${id}`,
  name: `Unit ${id}`,
  level,
  parentId: null,
  provinceId: 1,
  path: `/${id}/`,
});
const channel = (id: number, kind = "app"): ChannelRow => ({
  id,
  name: `Channel ${id}`,
  kind,
  purpose: "other",
  operatorUnitId: null,
  operatorName: null,
  platformId: null,
  filing: null,
  aliases: [],
});
const report = (id: number, channelId: number, lastUsedOn: string | null): ReportRow => ({
  id,
  reporterId: 100 + id,
  unitId: 1,
  channelId,
  accounts: 1,
  minutesPerWeek: 10,
  installedOn: new Date("2025-01-01"),
  lastUsedOn: lastUsedOn ? new Date(lastUsedOn) : null,
  onlyForFigures: false,
});
const mandate = (id: number, channelId: number, issuerUnitId = 2): MandateRow => ({
  id,
  issuerUnitId,
  targetUnitId: 1,
  channelId,
  actions: ["install"],
  assessmentLinked: false,
  ranking: false,
  quota: null,
  subtree: false,
  reporters: 0,
});

function ledger(parts: Partial<Ledger>): Ledger {
  return {
    today: TODAY,
    thresholds: DEFAULT_THRESHOLDS,
    units: new Map([
      [1, unit(1)],
      [2, unit(2, "county")],
    ]),
    channels: new Map(),
    mandates: [],
    reports: [],
    ...parts,
  };
}

describe("thresholds per channel kind", () => {
  // Last used 40 days ago: idle for a work group when its own threshold is 30 days, not for an app (90).
  const channels = new Map([
    [1, channel(1, "app")],
    [2, channel(2, "wechat_group")],
  ]);
  const reports = [1, 2, 3].flatMap((i) => [report(i, 1, "2026-09-22"), report(10 + i, 2, "2026-09-22")]);

  it("uses the general idle days unless the kind has its own", () => {
    expect([...zombie.detect(ledger({ channels, reports }))]).toEqual([]);
    const found = [
      ...zombie.detect(ledger({ channels, reports, thresholds: { ...DEFAULT_THRESHOLDS, zombieDaysWechatGroup: 30 } })),
    ];
    expect(found.map((f) => [f.subjectKey, f.params.days])).toEqual([["zombie:1:2", 30]]);
  });

  it("accepts 0 (as the general value) and refuses other values below the minimum", () => {
    const parse = (v: string) =>
      saveThresholdsSchema.safeParse({ ...DEFAULT_THRESHOLDS, zombieDaysWechatGroup: v, loadedAt: "" });
    expect(parse("0").success).toBe(true);
    expect(parse("30").success).toBe(true);
    expect(parse("3").error?.flatten().fieldErrors).toEqual({ zombieDaysWechatGroup: ["out_of_range"] });
  });
});

describe("a grace period for new installations", () => {
  // Never used, by three reporters who installed it 60 and 120 days ago.
  const channels = new Map([
    [1, channel(1, "app")],
    [2, channel(2, "wechat_group")],
  ]);
  const installed = (id: number, channelId: number, on: string): ReportRow => ({
    ...report(id, channelId, null),
    installedOn: new Date(on),
  });
  const young = [1, 2, 3].map((i) => installed(i, 1, "2026-09-02"));
  const old = [4, 5, 6].map((i) => installed(i, 1, "2026-07-04"));

  it("does not count a never-used installation younger than the idle days as idle", () => {
    expect([...zombie.detect(ledger({ channels, reports: young }))]).toEqual([]);
    expect([...zombie.detect(ledger({ channels, reports: old }))].map((f) => f.subjectKey)).toEqual(["zombie:1:1"]);
  });

  it("follows the idle days of the channel's kind, or a grace period the administrator sets", () => {
    const group = [1, 2, 3].map((i) => installed(i, 2, "2026-09-02"));
    expect([
      ...zombie.detect(
        ledger({ channels, reports: group, thresholds: { ...DEFAULT_THRESHOLDS, zombieDaysWechatGroup: 30 } }),
      ),
    ]).toHaveLength(1);
    expect([
      ...zombie.detect(
        ledger({ channels, reports: young, thresholds: { ...DEFAULT_THRESHOLDS, installGraceDays: 30 } }),
      ),
    ]).toHaveLength(1);
  });
});

describe("overload of a unit", () => {
  const channels = new Map(Array.from({ length: 12 }, (_, i) => [i + 1, channel(i + 1)] as const));

  it("flags a unit required to use more channels than the per-person limit, and not one at the limit", () => {
    const many = Array.from({ length: 11 }, (_, i) => mandate(i + 1, i + 1, i % 2 ? 2 : 3));
    const found = [...overload.detect(ledger({ channels, mandates: many }))];
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      subjectKey: "overload:unit:1",
      explainAs: "overload_unit",
      params: { channels: 11, issuers: 2, limit: 10 },
    });
    expect([...overload.detect(ledger({ channels, mandates: many.slice(0, 10) }))]).toEqual([]);
  });

  it("counts a channel demanded twice once", () => {
    const twice = Array.from({ length: 11 }, (_, i) => mandate(i + 1, (i % 10) + 1));
    expect([...overload.detect(ledger({ channels, mandates: twice }))]).toEqual([]);
  });
});

describe("an empty or partial ledger", () => {
  it("finds nothing and does not fail without reports or mandates", () => {
    expect([...zombie.detect(ledger({ channels: new Map([[1, channel(1)]]) }))]).toEqual([]);
    expect([...overload.detect(ledger({}))]).toEqual([]);
  });
});
