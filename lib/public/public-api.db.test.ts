import { importLedger } from "@/testing/fixtures";
import { beforeAll, describe, expect, it } from "vitest";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { getDb } from "@/lib/db/client";
import { importCsv } from "@/lib/imports/run-import";
import { getThresholds, saveThresholds } from "@/lib/settings/thresholds";
import { GET as channelsGet } from "@/app/api/v1/public/channels/route";
import { GET as issuersGet } from "@/app/api/v1/public/issuers/route";
import { GET as summaryGet } from "@/app/api/v1/public/summary/route";
import { GET as unitGet } from "@/app/api/v1/public/units/[code]/route";
import type { IssuerFigures, RegionFigures } from "./build-snapshot";
import { forgetPublicSnapshot } from "./public-snapshot";
import { releasePublicFiguresNow } from "./release-now";

/*
 * Two counties of one city, each with a department called 县妇联. In county PC, township T1 has two
 * reporters: one reports five channels all required by the township's own office (finding 1), the
 * other one channel. T2 and T3 are larger. County QC has one township of eight.
 */
const UNITS = `code,name,level,parent_code
CITY,Test City,city,
PC,Public County,county,CITY
PC-D,县妇联,department,PC
PC-T1,Small Town,township,PC
PC-T1-D,Small Town Office,department,PC-T1
PC-T2,Middle Town,township,PC
PC-T3,Large Town,township,PC
PC-T1-V,Small Village,village,PC-T1
PC-T2-V,Middle Village,village,PC-T2
PC-T3-V,Large Village,village,PC-T3
QC,Other County,county,CITY
QC-D,县妇联,department,QC
QC-T1,Other Town,township,QC
QC-T1-V,Other Village,village,QC-T1
`;
const apps = ["App1", "App2", "App3", "App4", "App5"];
const CHANNELS = `name,kind,operator,platform_id,aliases,purpose
PubApp,app,PC-D,,,reporting
QubApp,app,QC-D,,,reporting
${apps.map((a) => `${a},app,PC-T1-D,,,other`).join("\n")}
`;
const MANDATES = `issuer_code,unit_code,channel,actions,assessment_linked,ranking,quota,since,document
${["PC-T1-V", "PC-T2-V", "PC-T3-V"].map((u) => `PC-D,${u},PubApp,install,false,false,,2026-01-01,`).join("\n")}
${apps.map((a) => `PC-T1-D,PC-T1-V,${a},install,false,false,,2026-01-01,`).join("\n")}
QC-D,QC-T1-V,QubApp,install,false,false,,2026-01-01,
`;
const people = (unit: string, prefix: string, n: number, minutes: number, channel = "PubApp") =>
  Array.from({ length: n }, (_, i) => `${unit},${prefix}${i},${channel},1,${minutes},2025-01-01,,false,1`).join("\n");
const REPORTS = `unit_code,reporter,channel,accounts,minutes_per_week,installed_on,last_used_on,only_for_figures,usefulness
${apps.map((a) => `PC-T1-V,secretperson0,${a},1,108,2025-01-01,,false,1`).join("\n")}
${people("PC-T1-V", "secretperson1", 1, 30)}
${people("PC-T2-V", "mid", 6, 60)}
${people("PC-T3-V", "big", 9, 30)}
${people("QC-T1-V", "other", 8, 45, "QubApp")}
`;

const get = async (
  handler: (r: Request, ctx: never) => Promise<Response>,
  url: string,
  ctx?: unknown,
  headers?: HeadersInit,
) => handler(new Request(`http://localhost${url}`, { headers }), ctx as never);
const unitJson = async (code: string) =>
  (await (await get(unitGet, `/api/v1/public/units/${code}`, { params: Promise.resolve({ code }) })).json()) as {
    releasedAt: string;
    unit: RegionFigures;
    children: RegionFigures[];
  };
const issuersJson = async (query = "") =>
  (await (await get(issuersGet, `/api/v1/public/issuers${query}`)).json()) as {
    region: string | null;
    issuers: IssuerFigures[];
  };

beforeAll(async () => {
  await importLedger({ units: UNITS, channels: CHANNELS, mandates: MANDATES, reports: REPORTS });
  const db = await getDb();
  await db.report.updateMany({ data: { note: "private note about my boss" } });
  // Releases every four weeks: nothing in these tests reaches a scheduled one.
  const { values, updatedAt } = await getThresholds();
  await saveThresholds(CLI_ACTOR, { ...values, publicReleaseDays: 28 }, updatedAt ?? "");
  await releasePublicFiguresNow(CLI_ACTOR);
});

describe("public figures", () => {
  it("publish townships by default, and withhold a township of 2 reporters with the smallest other one (finding 2)", async () => {
    const body = await unitJson("PC");
    expect(body.unit.reporters).toBe(17);
    const byCode = Object.fromEntries(body.children.map((c) => [c.code, c]));
    expect(byCode["PC-T1"]).toMatchObject({ reporters: null, hoursPerWeek: null, suppressed: true, channels: 6 });
    expect(byCode["PC-T2"]).toMatchObject({ reporters: null, suppressed: true });
    expect(byCode["PC-T3"]).toMatchObject({ reporters: 9, hoursPerWeek: 5, suppressed: false });
    // Regions by burden, the withheld ones last; villages never appear.
    expect(body.children.map((c) => c.code)).toEqual(["PC-T3", "PC-T2", "PC-T1"]);
    expect(JSON.stringify(body)).not.toContain("PC-T1-V");
  });

  it("count one person once in a department's figure: five channels of one township office by one person are withheld (finding 1)", async () => {
    const whole = await issuersJson();
    const office = whole.issuers.find((i) => i.code === "PC-T1-D")!;
    expect(office).toMatchObject({ hoursPerWeek: null, suppressed: true, mandates: 5 });
    expect((await issuersJson("?region=PC-T1")).issuers.find((i) => i.code === "PC-T1-D")).toMatchObject({
      hoursPerWeek: null,
    });
  });

  it("rank only the departments acting in a region, by their burden there, each named with its region (finding 5)", async () => {
    const pc = await issuersJson("?region=PC");
    expect(pc.region).toBe("PC");
    expect(pc.issuers.map((i) => i.code).sort()).toEqual(["PC-D", "PC-T1-D"]);
    const qc = await issuersJson("?region=QC");
    expect(qc.issuers.map((i) => i.code)).toEqual(["QC-D"]);
    expect(qc.issuers[0]).toMatchObject({ name: "县妇联", region: "Other County", hoursPerWeek: 6, suppressed: false });
    const whole = await issuersJson();
    expect(
      whole.issuers
        .filter((i) => i.name === "县妇联")
        .map((i) => i.region)
        .sort(),
    ).toEqual(["Other County", "Public County"]);
    // A department's burden in a region never exceeds the region's.
    const county = await unitJson("PC");
    for (const i of pc.issuers)
      if (i.hoursPerWeek !== null) expect(i.hoursPerWeek).toBeLessThanOrEqual(county.unit.hoursPerWeek!);
    expect((await get(issuersGet, "/api/v1/public/issuers?region=NOPE")).status).toBe(404);
  });

  it("change only at a release, so one new reporter cannot be read from two consecutive figures (finding 3)", async () => {
    const before = await unitJson("PC");
    expect(
      (
        await importCsv(CLI_ACTOR, {
          kind: "reports",
          text: `unit_code,reporter,channel,accounts,minutes_per_week,installed_on,last_used_on,only_for_figures,usefulness\n${people("PC-T3-V", "newcomer", 1, 300)}\n`,
          dryRun: false,
        })
      ).issues,
    ).toEqual([]);
    forgetPublicSnapshot();
    const after = await unitJson("PC");
    expect(after.unit).toEqual(before.unit);
    expect(after.releasedAt).toBe(before.releasedAt);
    await releasePublicFiguresNow(CLI_ACTOR);
    const released = await unitJson("PC");
    expect(released.unit.reporters).toBe(18);
    expect(released.releasedAt > before.releasedAt).toBe(true);
  });

  it("answer the summary and every region from the same release (finding 7), with ETags, and CSV downloads with a file name", async () => {
    const summary = await get(summaryGet, "/api/v1/public/summary");
    const region = await unitJson("CITY");
    const s = (await summary.json()) as { releasedAt: string; reporters: number; nextReleaseAt: string };
    expect(s.releasedAt).toBe(region.releasedAt);
    expect(s.reporters).toBe(region.unit.reporters);
    expect(new Date(s.nextReleaseAt).getTime()).toBeGreaterThan(new Date(s.releasedAt).getTime());
    const etag = summary.headers.get("etag")!;
    expect((await get(summaryGet, "/api/v1/public/summary", undefined, { "if-none-match": etag })).status).toBe(304);
    const csv = await get(issuersGet, "/api/v1/public/issuers?region=PC&format=csv");
    expect(csv.headers.get("content-disposition")).toMatch(
      /^attachment; filename="fingertip-issuers-PC-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    expect((await csv.text()).split("\n")[0]).toContain(
      "code,name,region,mandates,unitsTargeted,channels,hoursPerWeek,suppressed",
    );
    expect((await get(channelsGet, "/api/v1/public/channels?status=bogus")).status).toBe(400);
    const inQc = (await (await get(channelsGet, "/api/v1/public/channels?status=active&region=QC")).json()) as {
      channels: { name: string; unitsRequired: number }[];
    };
    expect(inQc.channels).toEqual([expect.objectContaining({ name: "QubApp", unitsRequired: 1 })]);
    expect(
      (await get(unitGet, "/api/v1/public/units/NOPE", { params: Promise.resolve({ code: "NOPE" }) })).status,
    ).toBe(404);
  });

  it("never contain a reporter's login, name or note, in any response or format", async () => {
    const db = await getDb();
    const names = (
      await db.user.findMany({ where: { login: { startsWith: "secretperson" } }, select: { login: true, name: true } })
    ).flatMap((u) => [u.login, u.name]);
    const bodies: string[] = [];
    for (const format of ["json", "csv"]) {
      bodies.push(await (await get(summaryGet, `/api/v1/public/summary?format=${format}`)).text());
      for (const q of ["", "&region=PC", "&region=PC-T1"]) {
        bodies.push(await (await get(issuersGet, `/api/v1/public/issuers?format=${format}${q}`)).text());
        bodies.push(await (await get(channelsGet, `/api/v1/public/channels?format=${format}${q}`)).text());
      }
      for (const code of ["PC", "PC-T1", "PC-T2", "PC-T3"])
        bodies.push(
          await (
            await get(unitGet, `/api/v1/public/units/${code}?format=${format}`, { params: Promise.resolve({ code }) })
          ).text(),
        );
    }
    for (const body of bodies) for (const secret of [...names, "private note"]) expect(body).not.toContain(secret);
  });
});
