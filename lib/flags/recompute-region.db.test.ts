import { afterAll, describe, expect, it } from "vitest";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { getDb } from "@/lib/db/client";
import { seededRandom } from "@/lib/demo/seeded-random";
import { FLAG_KINDS } from "@/lib/review/flag-vocabulary";
import { editUnit } from "@/lib/units/manage-units";
import { importLedger } from "@/testing/fixtures";
import { recomputeAllFlags } from "./recompute-flags";
import { queueAvailable, stopRecomputeQueue } from "./recompute-queue";

const TODAY = new Date("2026-11-01T00:00:00Z");

/**
 * A small nation: a ministry above three provinces (one with cities, one without), departments
 * and townships issuing mandates, mandates on whole subtrees from the ministry and a province,
 * look-alike channels, apps sponsored by a township, staff reporting what they use (some with
 * who required it, which makes reported mandates).
 */
function nation() {
  const rnd = seededRandom(7);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const units = ["code,name,level,parent_code", "N,国家部委,department,"];
  const villages: string[] = [];
  const issuers: string[] = ["N"];
  for (let p = 1; p <= 3; p++) {
    units.push(`P${p},省${p},province,N`, `P${p}-D,省${p}政务服务局,department,P${p}`);
    issuers.push(`P${p}-D`);
    const above = p === 1 ? [`P1-C1`, `P1-C2`] : [`P${p}`];
    if (p === 1) units.push("P1-C1,市1,city,P1", "P1-C2,市2,city,P1");
    for (const [ci, parent] of above.entries()) {
      const county = `${parent}-K${ci}`;
      units.push(`${county},县${p}-${ci},county,${parent}`, `${county}-D,县${p}-${ci}组织部,department,${county}`);
      issuers.push(`${county}-D`, parent);
      for (let t = 0; t < 2; t++) {
        const town = `${county}-T${t}`;
        units.push(`${town},镇${p}-${ci}-${t},township,${county}`);
        issuers.push(town);
        for (let v = 0; v < 4; v++) {
          units.push(`${town}-V${v},村${p}-${ci}-${t}-${v},village,${town}`);
          villages.push(`${town}-V${v}`);
        }
      }
    }
  }
  const names = [
    "政务通",
    "政务通APP",
    "学习强国",
    "学习强国APP",
    "村务云",
    "村务云平台",
    "网格通",
    "党建e家",
    "平安乡村",
    "防诈宣传",
  ];
  for (let i = 0; i < 14; i++) names.push(`工作群${i}`);
  const channels = ["name,kind,operator,platform_id,aliases,purpose,filing"];
  for (const [i, name] of names.entries())
    channels.push(
      `${name},${i % 3 === 2 ? "wechat_group" : "app"},${i === 6 ? "P1-C1-K0-T0" : pick(issuers)},,,${pick(["learning", "checkin", "reporting", "service"])},${i === 7 ? "unfiled" : ""}`,
    );
  const mandates = [
    "issuer_code,unit_code,channel,actions,assessment_linked,ranking,quota,since,document,until,applies_to_subtree",
    "N,N,学习强国,install|register|points_ranking,true,true,,2026-01-01,,,true",
    "P2-D,P2,政务通,install|checkin,false,false,,2026-01-01,,,true",
  ];
  for (const v of villages)
    for (let k = 0; k < 5; k++) {
      const quota = rnd() < 0.15 ? 100 : "";
      mandates.push(
        `${pick(issuers)},${v},${pick(names)},install|register${quota ? "|promote" : ""},${rnd() < 0.3},${rnd() < 0.2},${quota},2026-01-01,,,false`,
      );
    }
  const reports = [
    "unit_code,reporter,channel,accounts,minutes_per_week,installed_on,last_used_on,only_for_figures,usefulness,required_by,actions",
  ];
  let person = 0;
  for (const v of villages)
    for (let s = 0; s < 3; s++, person++) {
      const chosen = new Set<string>();
      const count = 3 + Math.floor(rnd() * (person % 7 === 0 ? 12 : 5));
      while (chosen.size < count) chosen.add(pick(names));
      for (const name of chosen) {
        const used = rnd();
        reports.push(
          `${v},n${person},${name},${1 + Math.floor(rnd() * 3)},${pick([0, 10, 30, 60, 240])},2025-03-01,${used < 0.3 ? "" : used < 0.4 ? "2025-03-02" : "2026-10-15"},${rnd() < 0.2},${1 + Math.floor(rnd() * 5)},${rnd() < 0.2 ? pick(issuers) : ""},${rnd() < 0.2 ? "checkin|points_ranking" : ""}`,
        );
      }
    }
  return {
    units: units.join("\n") + "\n",
    channels: channels.join("\n") + "\n",
    mandates: mandates.join("\n") + "\n",
    reports: reports.join("\n") + "\n",
  };
}

/** Every stored flag as a reviewer would read it (ids and times aside), in subject order. */
async function storedFlags() {
  const db = await getDb();
  return db.$queryRaw<unknown[]>`
    SELECT subject_key, province_id, kind::text, severity, status::text, unit_id, scope_unit_id, channel_ids, reporter_id,
           issuer_ids, explanation::text, evidence::text, burden, digest, resolved_reason
    FROM flags ORDER BY subject_key`;
}

async function forgetFlags() {
  const db = await getDb();
  await db.$executeRaw`TRUNCATE flags, flag_decisions`;
}

afterAll(stopRecomputeQueue);

describe("the recompute by region (one job per province, one for the catalogue)", () => {
  it("finds exactly the flags of one pass over the whole ledger, and follows a unit moved to another province", async () => {
    await importLedger(nation(), TODAY);
    const db = await getDb();
    const provinces = await db.$queryRaw<{ n: number }[]>`SELECT count(DISTINCT province_id)::int AS n FROM reports`;
    expect(provinces[0]!.n).toBe(3);

    await forgetFlags();
    const one = await recomputeAllFlags({ trigger: "test", today: TODAY, byRegion: false });
    const expected = await storedFlags();
    const kinds = new Set((expected as { kind: string }[]).map((f) => f.kind));
    // Every kind is found somewhere in this ledger, so every detector's split by region is compared.
    expect(kinds).toEqual(new Set(FLAG_KINDS));
    // Flags in each province, and the catalogue's.
    const byProvince = await db.$queryRaw<{ p: number }[]>`SELECT DISTINCT province_id AS p FROM flags`;
    expect(byProvince.length).toBeGreaterThanOrEqual(4);

    // Over the same flags, the regions find nothing new, changed or gone.
    const again = await recomputeAllFlags({ trigger: "test", today: TODAY, byRegion: true });
    expect(again).toEqual({ findings: one.findings, created: 0, updated: 0, reopened: 0, resolved: 0 });

    // From nothing, the regions write the same flags (on PostgreSQL through the job queue, two workers).
    await forgetFlags();
    process.env.FINGERTIP_RECOMPUTE_WORKERS = "2";
    const fresh = await recomputeAllFlags({ trigger: "test", today: TODAY, byRegion: true });
    delete process.env.FINGERTIP_RECOMPUTE_WORKERS;
    expect(fresh.created).toBe(one.created);
    expect(await storedFlags()).toEqual(expected);
    if (queueAvailable()) {
      const [jobs] = await db.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM (SELECT id FROM pgboss.job WHERE state = 'completed' UNION ALL SELECT id FROM pgboss.archive) j`;
      expect(jobs!.n).toBeGreaterThanOrEqual(2 * 5); // two runs of four provinces' jobs and the catalogue's
    }

    // A county moves from province 1 to province 2: its rows, their history and their flags follow.
    const county = await db.unit.findUniqueOrThrow({ where: { code: "P1-C1-K0" } });
    const p2 = await db.unit.findUniqueOrThrow({ where: { code: "P2" } });
    await editUnit(CLI_ACTOR, {
      unitId: county.id,
      version: county.version,
      name: county.name,
      parentCode: p2.code,
      retire: false,
    });
    const movedCounty = await db.unit.findUniqueOrThrow({ where: { id: county.id } });
    expect(movedCounty.provinceId).toBe(p2.id);
    const moved = await db.$queryRaw<{ t: string; wrong: number }[]>`
      SELECT 'reports' AS t, count(*)::int AS wrong FROM reports r JOIN units u ON u.id = r.unit_id WHERE r.province_id <> u.province_id
      UNION ALL SELECT 'mandates', count(*)::int FROM mandates m JOIN units u ON u.id = m.target_unit_id WHERE m.province_id <> u.province_id
      UNION ALL SELECT 'flags', count(*)::int FROM flags f JOIN units u ON u.id = f.unit_id WHERE f.province_id <> u.province_id
      UNION ALL SELECT 'links', count(*)::int FROM report_mandates l JOIN reports r ON r.id = l.report_id WHERE l.province_id <> r.province_id`;
    expect(moved).toEqual([
      { t: "reports", wrong: 0 },
      { t: "mandates", wrong: 0 },
      { t: "flags", wrong: 0 },
      { t: "links", wrong: 0 },
    ]);
    const [inP2] = await db.$queryRaw<{ n: number; elsewhere: number }[]>`
      SELECT count(*) FILTER (WHERE r.province_id = ${p2.id})::int AS n, count(*) FILTER (WHERE r.province_id <> ${p2.id})::int AS elsewhere
      FROM reports r JOIN units u ON u.id = r.unit_id WHERE u.path LIKE ${movedCounty.path + "%"}`;
    expect(inP2!.n).toBeGreaterThan(0);
    expect(inP2!.elsewhere).toBe(0);

    // And both ways still agree after the move.
    await recomputeAllFlags({ trigger: "test", today: TODAY, byRegion: false });
    const afterMove = await storedFlags();
    const regions = await recomputeAllFlags({ trigger: "test", today: TODAY, byRegion: true });
    expect(regions).toMatchObject({ created: 0, updated: 0, reopened: 0, resolved: 0 });
    expect(await storedFlags()).toEqual(afterMove);

    // A mandate re-aimed at a village of another province: its confirmed flag moves there whole
    // (same flag, status and decisions kept), and one pass afterwards finds nothing to change.
    const flag = await db.flag.findFirstOrThrow({
      where: { kind: "forced_on_residents", provinceId: { not: p2.id } },
      orderBy: { subjectKey: "asc" },
    });
    await db.flag.updateMany({ where: { id: flag.id }, data: { status: "confirmed" } });
    const mandateId = Number(flag.subjectKey.split(":").at(-1));
    const there = await db.unit.findFirstOrThrow({ where: { level: "village", provinceId: p2.id } });
    await db.mandate.updateMany({ where: { id: mandateId }, data: { targetUnitId: there.id, provinceId: p2.id } });
    await recomputeAllFlags({ trigger: "test", today: TODAY, byRegion: true });
    expect(await db.flag.findMany({ where: { subjectKey: flag.subjectKey } })).toMatchObject([
      { id: flag.id, provinceId: p2.id, unitId: there.id, status: "confirmed" },
    ]);
    const afterRegions = await storedFlags();
    expect(await recomputeAllFlags({ trigger: "test", today: TODAY, byRegion: false })).toMatchObject({
      created: 0,
      updated: 0,
      reopened: 0,
      resolved: 0,
    });
    expect(await storedFlags()).toEqual(afterRegions);
  }, 300_000);
});
