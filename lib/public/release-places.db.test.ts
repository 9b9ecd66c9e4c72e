import { importLedger } from "@/testing/fixtures";
import { beforeAll, describe, expect, it } from "vitest";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { getDb } from "@/lib/db/client";
import { getThresholds, saveThresholds } from "@/lib/settings/thresholds";
import { GET as channelsGet } from "@/app/api/v1/public/channels/route";
import { GET as issuersGet } from "@/app/api/v1/public/issuers/route";
import { GET as summaryGet } from "@/app/api/v1/public/summary/route";
import { forgetPublicSnapshot } from "./public-snapshot";
import { releasePublicFiguresNow } from "./release-now";

/*
 * A release stores what every page needs in one document and each place's detail (trend, issuers,
 * channels) in a row of its own. Two counties: Wide App is required in three villages of PC and one
 * of QC, Narrow App in one village of PC; Old App, sponsored in QC, is retired.
 */
const UNITS = `code,name,level,parent_code
CITY,Test City,city,
PC,Public County,county,CITY
PC-D,县网信办,department,PC
PC-T,Town P,township,PC
${[1, 2, 3].map((v) => `PC-T-V${v},Village P${v},village,PC-T`).join("\n")}
QC,Other County,county,CITY
QC-D,县网信办,department,QC
QC-T,Town Q,township,QC
QC-T-V,Village Q,village,QC-T
`;
const CHANNELS = `name,kind,operator,platform_id,aliases,purpose
Wide App,app,PC-D,,,reporting
Narrow App,app,PC-D,,,reporting
Old App,app,QC-D,,,reporting
`;
const MANDATES = `issuer_code,unit_code,channel,actions,assessment_linked,ranking,quota,since,document
${[1, 2, 3].map((v) => `PC-D,PC-T-V${v},Wide App,install,false,false,,2026-01-01,`).join("\n")}
PC-D,PC-T-V1,Narrow App,install,false,false,,2026-01-01,
QC-D,QC-T-V,Wide App,install,false,false,,2026-01-01,
`;
const REPORTS = `unit_code,reporter,channel,accounts,minutes_per_week,installed_on,last_used_on,only_for_figures,usefulness
${Array.from({ length: 12 }, (_, i) => `PC-T-V${1 + (i % 3)},p${i},Wide App,1,60,2025-01-01,,false,1`).join("\n")}
${Array.from({ length: 10 }, (_, i) => `QC-T-V,q${i},Wide App,1,30,2025-01-01,,false,1`).join("\n")}
`;

type Channel = { name: string; status: string; unitsRequired?: number };
const get = async (handler: (r: Request) => Promise<Response>, url: string) =>
  (await handler(new Request(`http://localhost${url}`))).json() as Promise<Record<string, unknown>>;
const channelsOf = async (region: string) =>
  ((await get(channelsGet, `/api/v1/public/channels?region=${region}`)).channels as Channel[]).map((c) => [
    c.name,
    c.status,
    c.unitsRequired,
  ]);
const places = async () => {
  const [row] = await (await getDb()).$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM public_release_places`;
  return row!.n;
};

beforeAll(async () => {
  await importLedger({ units: UNITS, channels: CHANNELS, mandates: MANDATES, reports: REPORTS });
  const db = await getDb();
  await db.channel.update({ where: { name: "Old App" }, data: { status: "retired" } });
  const { values, updatedAt } = await getThresholds();
  await saveThresholds(CLI_ACTOR, { ...values, publicReleaseDays: 28 }, updatedAt ?? "");
  await releasePublicFiguresNow(CLI_ACTOR);
});

describe("a release's places", () => {
  it("answer each region's channels, most units first, and its issuers from the place's own row", async () => {
    expect(await channelsOf("PC")).toEqual([
      ["Wide App", "active", 3],
      ["Narrow App", "active", 1],
    ]);
    // A retired channel is listed where its sponsor is: the county, not the township.
    expect(await channelsOf("QC")).toEqual([
      ["Wide App", "active", 1],
      ["Old App", "retired", 0],
    ]);
    expect(await channelsOf("QC-T")).toEqual([["Wide App", "active", 1]]);
    const issuers = (await get(issuersGet, "/api/v1/public/issuers?region=QC")).issuers as { code: string }[];
    expect(issuers.map((i) => i.code)).toEqual(["QC-D"]);
    // The whole registry, the city, two counties, two townships.
    expect(await places()).toBe(6);
  });

  it("store no places again for a release whose figures are those of the one before", async () => {
    const before = await places();
    await releasePublicFiguresNow(CLI_ACTOR);
    forgetPublicSnapshot();
    expect(await places()).toBe(before);
    expect(await channelsOf("PC")).toEqual([
      ["Wide App", "active", 3],
      ["Narrow App", "active", 1],
    ]);
  });

  it("serve a release stored as one document before places were stored apart, until the next release", async () => {
    const db = await getDb();
    const [latest] = await db.$queryRaw<{ snapshot: string; marker: bigint }[]>`
      SELECT snapshot::text AS snapshot, ledger_marker AS marker FROM public_releases WHERE snapshot IS NOT NULL ORDER BY id DESC LIMIT 1`;
    const head = JSON.parse(latest!.snapshot) as { channels: Channel[] };
    const wide = head.channels.find((c) => c.name === "Wide App")!;
    const legacy = {
      ...head,
      trends: { "": [{ month: "2026-11", found: 7, cleanedUp: 2 }], QC: null },
      issuers: { "": [], QC: [{ code: "QC-D", name: "县网信办", region: "Other County", mandates: 9 }] },
      channelsIn: { "": [{ ...wide, unitsRequired: 4 }], QC: [{ ...wide, unitsRequired: 5 }] },
    };
    await db.$executeRaw`
      INSERT INTO public_releases (trigger, released_at, ledger_marker, figures_hash, snapshot)
      VALUES ('schedule', now(), ${latest!.marker}, 'before-places', ${JSON.stringify(legacy)}::json)`;
    forgetPublicSnapshot();
    expect(await channelsOf("QC")).toEqual([["Wide App", "active", 5]]);
    expect(((await get(issuersGet, "/api/v1/public/issuers?region=QC")).issuers as { mandates: number }[])[0]).toEqual(
      expect.objectContaining({ mandates: 9 }),
    );
    expect((await get(summaryGet, "/api/v1/public/summary")).trend).toEqual([
      { month: "2026-11", found: 7, cleanedUp: 2 },
    ]);
    expect(await channelsOf("PC")).toEqual([]);
    // The next release stores its places; what it publishes comes from the ledger again.
    await releasePublicFiguresNow(CLI_ACTOR);
    expect(await channelsOf("QC")).toEqual([
      ["Wide App", "active", 1],
      ["Old App", "retired", 0],
    ]);
  });
});
