import { beforeAll, describe, expect, it } from "vitest";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { getDb } from "@/lib/db/client";
import { importCsv } from "@/lib/imports/run-import";
import { getThresholds, saveThresholds } from "@/lib/settings/thresholds";
import { GET as channelsGet } from "@/app/api/v1/public/channels/route";
import { GET as issuersGet } from "@/app/api/v1/public/issuers/route";
import { GET as summaryGet } from "@/app/api/v1/public/summary/route";
import { GET as unitGet } from "@/app/api/v1/public/units/[code]/route";
import { forgetPublicSnapshot } from "./public-snapshot";

// A county of three townships: one has only 2 reporters (withheld), so one more must be withheld with it.
const UNITS = `code,name,level,parent_code
PC,Public County,county,
PC-D,County Office,department,PC
PC-T1,Small Town,township,PC
PC-T2,Middle Town,township,PC
PC-T3,Large Town,township,PC
PC-T1-V,Small Village,village,PC-T1
PC-T2-V,Middle Village,village,PC-T2
PC-T3-V,Large Village,village,PC-T3
`;
const CHANNELS = `name,kind,operator,platform_id,aliases,purpose
PubApp,app,PC-D,,,reporting
`;
const MANDATES = `issuer_code,unit_code,channel,actions,assessment_linked,ranking,quota,since,document
PC-D,PC-T1-V,PubApp,install,false,false,,2026-01-01,
PC-D,PC-T2-V,PubApp,install,false,false,,2026-01-01,
PC-D,PC-T3-V,PubApp,install,false,false,,2026-01-01,
`;
const people = (unit: string, prefix: string, n: number, minutes: number) =>
  Array.from({ length: n }, (_, i) => `${unit},${prefix}${i},PubApp,1,${minutes},2025-01-01,,false,1`).join("\n");
const REPORTS = `unit_code,reporter,channel,accounts,minutes_per_week,installed_on,last_used_on,only_for_figures,usefulness
${people("PC-T1-V", "secretperson", 2, 600)}
${people("PC-T2-V", "mid", 6, 60)}
${people("PC-T3-V", "big", 9, 30)}
`;

const get = async (handler: (r: Request, ctx: never) => Promise<Response>, url: string, ctx?: unknown) => handler(new Request(`http://localhost${url}`), ctx as never);

beforeAll(async () => {
  for (const [kind, text] of [["units", UNITS], ["channels", CHANNELS], ["mandates", MANDATES], ["reports", REPORTS]] as const) {
    expect((await importCsv(CLI_ACTOR, { kind, text, dryRun: false })).issues).toEqual([]);
  }
  const db = await getDb();
  await db.report.updateMany({ data: { note: "private note about my boss" } });
  const { values, updatedAt } = await getThresholds();
  await saveThresholds(CLI_ACTOR, { ...values, publicFloor: 4 }, updatedAt ?? "");
  forgetPublicSnapshot();
});

describe("public figures", () => {
  it("withhold a region of fewer than 5 reporters and its smallest sibling, so neither can be recovered", async () => {
    const body = (await (await get(unitGet, "/api/v1/public/units/PC", { params: Promise.resolve({ code: "PC" }) })).json()) as {
      unit: { reporters: number | null; hoursPerWeek: number | null };
      children: { code: string; reporters: number | null; hoursPerWeek: number | null; suppressed: boolean; channels: number }[];
    };
    expect(body.unit.reporters).toBe(17);
    const byCode = Object.fromEntries(body.children.map((c) => [c.code, c]));
    expect(byCode["PC-T1"]).toMatchObject({ reporters: null, hoursPerWeek: null, suppressed: true, channels: 1 });
    expect(byCode["PC-T2"]).toMatchObject({ reporters: null, suppressed: true });
    expect(byCode["PC-T3"]).toMatchObject({ reporters: 9, suppressed: false });
    // Subtraction gives only the two withheld towns together (17 − 9 = 8), never the small one.
  });

  it("answer with an ETag and 304 when it matches, in JSON and CSV", async () => {
    const first = await get(summaryGet, "/api/v1/public/summary");
    expect(first.status).toBe(200);
    const etag = first.headers.get("etag")!;
    expect(etag).toBeTruthy();
    expect(first.headers.get("cache-control")).toContain("max-age");
    const again = await summaryGet(new Request("http://localhost/api/v1/public/summary", { headers: { "if-none-match": etag } }));
    expect(again.status).toBe(304);
    const csv = await (await get(summaryGet, "/api/v1/public/summary?format=csv")).text();
    expect(csv.split("\n")[0]).toContain("channels,unitsCovered,mandates,reporters");
    expect((await get(channelsGet, "/api/v1/public/channels?status=bogus")).status).toBe(400);
    expect((await get(unitGet, "/api/v1/public/units/NOPE", { params: Promise.resolve({ code: "NOPE" }) })).status).toBe(404);
  });

  it("never contain a reporter's login, name or note, in any response or format", async () => {
    const db = await getDb();
    const names = (await db.user.findMany({ where: { login: { startsWith: "secretperson" } }, select: { login: true, name: true } })).flatMap((u) => [u.login, u.name]);
    const bodies: string[] = [];
    for (const format of ["json", "csv"]) {
      bodies.push(await (await get(summaryGet, `/api/v1/public/summary?format=${format}`)).text());
      bodies.push(await (await get(issuersGet, `/api/v1/public/issuers?format=${format}`)).text());
      bodies.push(await (await get(channelsGet, `/api/v1/public/channels?format=${format}`)).text());
      for (const code of ["PC", "PC-T1", "PC-T2", "PC-T3"]) bodies.push(await (await get(unitGet, `/api/v1/public/units/${code}?format=${format}`, { params: Promise.resolve({ code }) })).text());
    }
    for (const body of bodies) {
      for (const secret of [...names, "private note"]) expect(body).not.toContain(secret);
    }
    // The small town's own figures (2 people, 20 hours a week) appear nowhere.
    const t1 = JSON.parse(bodies.find((b) => b.includes('"code":"PC-T1"') && b.startsWith('{"updatedAt"') && b.includes('"unit":{"code":"PC-T1"'))!) as { unit: { reporters: unknown; hoursPerWeek: unknown } };
    expect(t1.unit).toMatchObject({ reporters: null, hoursPerWeek: null });
  });
});
