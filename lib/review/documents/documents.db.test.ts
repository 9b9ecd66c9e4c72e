import { beforeAll, describe, expect, it } from "vitest";
import { actorFromUser } from "@/lib/auth/actor";
import type { SessionUser } from "@/lib/auth/session-user";
import { getDb } from "@/lib/db/client";
import { translator } from "@/lib/i18n/messages";
import { importLedger } from "@/testing/fixtures";
import { getRegionCleanupReport } from "./region-cleanup-report";
import { getUnitBurdenReport } from "./unit-burden-report";

const t = translator("zh-CN");
const UNITS = `code,name,level,parent_code
C,Cty,county,
D,Dept,department,C
T,Town,township,C
V1,Village One,village,T
V2,Village Two,village,T
C2,Other County,county,
`;
const CHANNELS = `name,kind,operator,platform_id,aliases,purpose
Big,app,D,,,checkin
Small,app,D,,,reporting
`;
const MANDATES = `issuer_code,unit_code,channel,actions,assessment_linked,ranking,quota,since,document
D,V1,Big,install|checkin,false,false,,2026-01-01,
D,V1,Small,install,false,false,,2026-01-01,
D,V2,Big,install,false,false,,2026-01-01,
`;
const line = (unit: string, who: string, channel: string, minutes: number) =>
  `${unit},${who},${channel},1,${minutes},2025-01-01,2026-11-20,false,3`;
// V1: five people on Big, a sixth alone on Small. V2: the same five on both.
const REPORTS = [
  "unit_code,reporter,channel,accounts,minutes_per_week,installed_on,last_used_on,only_for_figures,usefulness",
  ...[1, 2, 3, 4, 5].map((i) => line("V1", `p${i}`, "Big", 60)),
  line("V1", "p6", "Small", 600),
  ...[1, 2, 3, 4, 5].flatMap((i) => [line("V2", `q${i}`, "Big", 60), line("V2", `q${i}`, "Small", 30)]),
].join("\n");

async function reviewerOf(code: string): Promise<SessionUser> {
  const db = await getDb();
  const root = await db.unit.findUniqueOrThrow({ where: { code } });
  const u = await db.user.create({
    data: { login: `rev-${code}`, name: code, role: "REVIEWER", jurisdictionId: root.id },
  });
  return { id: u.id, login: u.login, name: u.name, role: "REVIEWER", unitId: null, jurisdictionPath: root.path };
}

let town: SessionUser;
let other: SessionUser;

beforeAll(async () => {
  await importLedger({ units: UNITS, channels: CHANNELS, mandates: MANDATES, reports: REPORTS + "\n" });
  town = await reviewerOf("T");
  other = await reviewerOf("C2");
});

describe("a unit's burden report", () => {
  it("withholds a line fewer people gave, and the total that would give that line away by subtraction", async () => {
    const report = (await getUnitBurdenReport(actorFromUser(town), "V1", t))!;
    const byChannel = new Map(report.rows.map((r) => [r.channel, r]));
    expect(byChannel.get("Big")).toMatchObject({ staff: 5, hoursPerWeek: 5, requiredBy: ["Dept"] });
    expect(byChannel.get("Small")).toMatchObject({ staff: null, hoursPerWeek: null, accounts: null });
    // 6 people, but the total less Big's 5 hours would be the sixth person's 10 hours.
    expect(report.totals).toMatchObject({ staff: 6, hoursPerWeek: null, accounts: null, channels: 2, mandates: 2 });
  });

  it("counts the findings about one person, and words a few reporters' finding without their numbers", async () => {
    const report = (await getUnitBurdenReport(actorFromUser(town), "V1", t))!;
    // p6 alone spends 10 hours a week on Small: over the 5-hour line.
    expect(report.personFindings).toContainEqual({ kind: "overload", people: 1 });
    expect(report.findings.map((f) => f.explanation).join("\n")).not.toMatch(/10 小时|1 位|一名工作人员/);
  });

  it("gives every figure where each line stands on enough people", async () => {
    const report = (await getUnitBurdenReport(actorFromUser(town), "V2", t))!;
    expect(report.rows.map((r) => [r.channel, r.staff, r.hoursPerWeek])).toEqual([
      ["Big", 5, 5],
      ["Small", 5, 2.5],
    ]);
    expect(report.totals).toMatchObject({ staff: 5, hoursPerWeek: 7.5, accounts: 10, mandates: 1, issuers: 1 });
    expect(report.rows.find((r) => r.channel === "Small")!.requiredBy, "no mandate on record").toEqual([]);
  });

  it("is not made for a unit outside the reviewer's subtree, as for one that does not exist", async () => {
    expect(await getUnitBurdenReport(actorFromUser(other), "V1", t)).toBeNull();
    expect(await getUnitBurdenReport(actorFromUser(town), "C", t)).toBeNull();
    expect(await getUnitBurdenReport(actorFromUser(town), "nope", t)).toBeNull();
  });
});

describe("a region's clean-up report", () => {
  it("covers the reviewer's jurisdiction by default, its parts adding up to the findings the reviewer sees", async () => {
    const report = (await getRegionCleanupReport(actorFromUser(town), "", t))!;
    expect(report.region).toEqual({ code: "T", name: "Town" });
    expect(report.office).toBe("Town");
    expect(report.units).toBe(3);
    const db = await getDb();
    const outstanding = await db.flag.count({
      where: { status: { in: ["open", "confirmed"] }, scopeUnit: { path: { startsWith: town.jurisdictionPath! } } },
    });
    expect(outstanding).toBeGreaterThan(0);
    expect(report.totals.outstanding).toBe(outstanding);
    expect(report.byPart.reduce((n, p) => n + p.outstanding, 0)).toBe(outstanding);
    expect(report.byKind.reduce((n, k) => n + k.outstanding, 0)).toBe(outstanding);
    expect(report.byPart.filter((p) => p.code).map((p) => p.name)).toEqual(
      expect.arrayContaining(["Village One", "Village Two"]),
    );
  });

  it("withholds the hours a kind of finding holds when fewer people stand behind them", async () => {
    const report = (await getRegionCleanupReport(actorFromUser(town), "V1", t))!;
    const overload = report.byKind.find((k) => k.kind === "overload")!;
    expect(overload.outstanding).toBe(1);
    expect(overload.hoursOutstanding, "one person's 10 hours").toBeNull();
    expect(report.totals.hoursOutstanding, "six people in all").not.toBeNull();
    expect(report.byPart).toEqual([expect.objectContaining({ code: null, units: 1 })]);
  });

  it("is not made for a region above or beside the reviewer's", async () => {
    expect(await getRegionCleanupReport(actorFromUser(town), "C", t)).toBeNull();
    expect(await getRegionCleanupReport(actorFromUser(other), "T", t)).toBeNull();
    expect((await getRegionCleanupReport(actorFromUser(other), "", t))!.totals.outstanding).toBe(0);
  });
});
