import { importLedger } from "@/testing/fixtures";
import { describe, expect, it } from "vitest";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { getDb } from "@/lib/db/client";
import { translator } from "@/lib/i18n/messages";
import { importCsv } from "@/lib/imports/run-import";
import { listFlags } from "./list-flags";
import { recomputeFlags } from "./recompute-flags";

const TODAY = new Date("2026-11-01T00:00:00Z");
const t = translator("en");

// A small ledger with known answers, in the brief's CSV formats.
const UNITS = `code,name,level,parent_code
K1,Known County,county,
K1-D1,Organisation Dept,department,K1
K1-D2,Publicity Dept,department,K1
K1-T1,East Town,township,K1
K1-T1-D,East Town Office,department,K1-T1
K1-V1,Riverside Village,village,K1-T1
K1-V2,Hill Village,village,K1-T1
`;
const CHANNELS = `name,kind,operator,platform_id,aliases,purpose,filing
KnownLearn,app,K1-D1,,,learning,
KnownLearnAPP,app,K1-D1,,,learning,
KnownStudy,app,K1-D2,,,learning,
KnownTownApp,app,K1-T1-D,,,reporting,unfiled
KnownGroup,wechat_group,K1-T1-D,,,communication,
`;
const MANDATES = `issuer_code,unit_code,channel,actions,assessment_linked,ranking,quota,since,document
K1-D1,K1-V1,KnownLearn,install|register,false,false,,2026-01-01,
K1-D2,K1-V1,KnownLearn,install|register|checkin,true,false,,2026-01-01,
K1-D2,K1-V1,KnownStudy,install|promote,false,false,200,2026-01-01,
K1-D1,K1-V2,KnownGroup,join_group,false,false,,2026-01-01,
`;
const REPORTS = `unit_code,reporter,channel,accounts,minutes_per_week,installed_on,last_used_on,only_for_figures,usefulness
K1-V1,kr1,KnownLearn,1,30,2025-01-01,,false,1
K1-V1,kr2,KnownLearn,1,30,2025-01-01,2025-03-01,false,1
K1-V1,kr3,KnownLearn,1,30,2025-01-01,2026-10-20,false,4
K1-V2,kr4,KnownGroup,1,30,2025-06-01,2025-06-03,false,2
`;

async function load() {
  await importLedger({ units: UNITS, channels: CHANNELS, mandates: MANDATES, reports: REPORTS }, TODAY);
}

const keyOf = (f: { kind: string; unit?: string; channels: string[]; reporter?: string }) =>
  [f.kind, f.unit ?? "", f.channels.join("+"), f.reporter ?? ""].join(" ");

describe("flags on a ledger with known answers", () => {
  it("reports each expected flag and no unexpected one, explained and with evidence", async () => {
    await load();
    await recomputeFlags(CLI_ACTOR, { today: TODAY });
    const flags = await listFlags(CLI_ACTOR, t);
    const keys = flags.map(keyOf).sort();
    expect(keys).toEqual(
      [
        "duplicate_channel  KnownLearn+KnownLearnAPP ",
        "duplicate_mandate K1-V1 KnownLearn ",
        "forced_on_residents K1-V1 KnownStudy ",
        "one_off K1-V2 KnownGroup kr4",
        "overlapping_function K1-V1 KnownLearn+KnownStudy ",
        "policy_conflict K1-T1-D KnownTownApp ",
        "policy_conflict K1-V1 KnownLearn ",
        "policy_conflict K1-V1 KnownStudy ",
        "zombie K1-V1 KnownLearn ",
        "zombie K1-V2 KnownGroup kr4",
      ].sort(),
    );
    // A duplicate pair is seen by the reviewers of the subtree where both channels are used.
    const db = await getDb();
    const dup = await db.flag.findFirstOrThrow({ where: { kind: "duplicate_channel" }, include: { scopeUnit: true } });
    expect(dup.scopeUnit?.code).toBe("K1");
    const townApp = flags.find((f) => f.kind === "policy_conflict" && f.channels[0] === "KnownTownApp")!;
    expect(townApp.explanation).toMatch(/below county level.*without filing|without filing.*below county/);
    expect(JSON.stringify(townApp.evidence)).toContain("国办函〔2026〕12号");
    // Mandates are stored by id and read back as rows, with the rule each one breaks.
    const dupMandate = flags.find((f) => f.kind === "duplicate_mandate")!.evidence as {
      mandates: { issuer: string; unit: string; channel: string; actions: string[] }[];
    };
    expect(dupMandate.mandates.map((m) => [m.issuer, m.unit, m.channel, m.actions.join("|")])).toEqual([
      ["K1-D1", "K1-V1", "KnownLearn", "install|register"],
      ["K1-D2", "K1-V1", "KnownLearn", "install|register|checkin"],
    ]);
    const conflict = flags.find((f) => f.kind === "policy_conflict" && f.channels[0] === "KnownLearn")!.evidence as {
      mandates: { issuer: string }[];
      rules: { id: string; source: string }[];
    };
    expect(conflict.mandates.map((m) => m.issuer)).toEqual(["K1-D2"]);
    expect(conflict.rules.map((r) => r.id)).toEqual(["assessment_by_app", "checkin_points_online"]);
    expect(conflict.rules[0]!.source).toContain("指尖上的形式主义");
    // Rules, purposes and thresholds are stored as codes and explained in the reader's language.
    const zh = await listFlags(CLI_ACTOR, translator("zh-CN"));
    expect(zh.find((f) => f.kind === "policy_conflict" && f.channels[0] === "KnownLearn")!.explanation).toBe(
      "Publicity Dept对“KnownLearn”的要求违反规定：将安装、积分或使用情况纳入考核；要求打卡签到、积分排名、截图、统计在线时长、强制登录或上传工作照片。（所要求的：每日打卡）",
    );
    expect(zh.find((f) => f.kind === "overlapping_function")!.explanation).toContain("同一用途（学习）");
    const zombie = flags.find((f) => f.kind === "zombie" && f.unit === "K1-V1")!;
    expect(zombie.explanation).toBe(
      "“KnownLearn” at Riverside Village: 2 of 3 reporters have not really used it for 90 days or more, never did, or use it only to report figures.",
    );
  });

  it("finds the same flags when a first recompute sets the table's indexes aside, and puts them back as they were", async () => {
    const db = await getDb();
    const catalogue = () =>
      db.$queryRaw<{ def: string }[]>`
        SELECT pg_get_indexdef(indexrelid) AS def FROM pg_index WHERE indrelid = 'flags'::regclass
        UNION ALL SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'flags'::regclass
        ORDER BY def`;
    const before = { flags: await listFlags(CLI_ACTOR, t), catalogue: await catalogue() };
    expect(before.catalogue.length).toBeGreaterThanOrEqual(8);
    // No decisions yet: as if the ledger had just been imported.
    await db.flag.deleteMany({});
    const steps: string[] = [];
    const summary = await recomputeFlags(CLI_ACTOR, {
      today: TODAY,
      bulkLoad: { storedBelow: 1, creatingAtLeast: 1 },
      progress: (step) => steps.push(step),
    });
    expect(steps).toContain("index flags");
    expect(summary.created).toBe(before.flags.length);
    expect(await listFlags(CLI_ACTOR, t)).toEqual(before.flags);
    expect(await catalogue()).toEqual(before.catalogue);
    // The unique subject key holds again: the next recompute updates in place.
    expect(await recomputeFlags(CLI_ACTOR, { today: TODAY })).toMatchObject({ created: 0, updated: 0, resolved: 0 });
  });

  it("is deterministic, keeps reviewers' decisions, and after an import resolves (never deletes) flags that no longer hold", async () => {
    const db = await getDb();
    const before = await db.flag.count();
    const again = await recomputeFlags(CLI_ACTOR, { today: TODAY });
    expect(again).toMatchObject({ created: 0, updated: 0, resolved: 0 });
    const forced = await db.flag.findFirstOrThrow({ where: { kind: "forced_on_residents" } });
    await db.flag.updateMany({ where: { id: forced.id }, data: { status: "dismissed" } });
    // kr2 and kr1 start using the channel again: the zombie flag's condition no longer holds.
    const header = REPORTS.split("\n")[0];
    await importCsv(CLI_ACTOR, {
      kind: "reports",
      text: `${header}\nK1-V1,kr1,KnownLearn,1,30,2025-01-01,2026-10-25,false,3\nK1-V1,kr2,KnownLearn,1,30,2025-01-01,2026-10-25,false,3\n`,
      dryRun: false,
      today: TODAY,
    });
    // The import recomputed the flags itself: a further recompute finds nothing left to do.
    const after = await recomputeFlags(CLI_ACTOR, { today: TODAY });
    expect(after).toMatchObject({ created: 0, updated: 0, resolved: 0 });
    expect(await db.flag.count()).toBe(before);
    const zombie = await db.flag.findFirstOrThrow({
      where: {
        kind: "zombie",
        reporterId: null,
        channelIds: { has: (await db.channel.findUniqueOrThrow({ where: { name: "KnownLearn" } })).id },
      },
    });
    expect(zombie).toMatchObject({ status: "resolved", resolvedReason: "condition_cleared" });
    expect((await db.flag.findFirstOrThrow({ where: { id: forced.id } })).status).toBe("dismissed");
  });
});

describe("a recompute that read the flags before a reviewer decided", () => {
  it("does not resolve a flag over the decision taken meanwhile", async () => {
    const { readFlagStates } = await import("./flag-states");
    const { saveFindings } = await import("./save-findings");
    const db = await getDb();
    // Flags other than the duplicate that a later test retires (ids say nothing of which flag is which).
    const flag = await db.flag.findFirstOrThrow({
      where: { status: "open", kind: { not: "duplicate_channel" } },
      orderBy: { subjectKey: "asc" },
    });
    const states = await readFlagStates(db);
    expect(states.get(flag.subjectKey)).toMatchObject({
      id: flag.id,
      live: true,
      cleared: false,
      digest: Number(flag.digest),
    });
    const live = states.notFound().length;
    await db.flag.updateMany({ where: { id: flag.id }, data: { status: "confirmed" } });
    const other = await db.flag.findFirstOrThrow({
      where: { status: "open", id: { not: flag.id }, kind: { not: "duplicate_channel" } },
      orderBy: { subjectKey: "asc" },
    });
    await db.flag.updateMany({ where: { id: other.id }, data: { status: "dismissed" } });
    // Neither finding is found any more: the confirmed flag resolves, the dismissed one stays dismissed.
    const summary = await db.$transaction((tx) => saveFindings(tx, [], states, () => 0, TODAY));
    expect(await db.flag.findFirstOrThrow({ where: { id: flag.id } })).toMatchObject({
      status: "resolved",
      resolvedReason: "condition_cleared",
    });
    expect((await db.flag.findFirstOrThrow({ where: { id: other.id } })).status).toBe("dismissed");
    expect(summary.resolved).toBe(live - 1);
    // The next recompute judges them again from the ledger.
    await recomputeFlags(CLI_ACTOR, { today: TODAY });
    expect((await db.flag.findFirstOrThrow({ where: { id: flag.id } })).status).toBe("open");
  });
});

describe("flags follow edits of the catalogue", () => {
  it("retiring one of two duplicate channels resolves their duplicate flag", async () => {
    const { editChannel } = await import("@/lib/channels/manage-channels");
    const db = await getDb();
    const c = await db.channel.findUniqueOrThrow({ where: { name: "KnownLearnAPP" }, include: { operatorUnit: true } });
    const flag = await db.flag.findFirstOrThrow({ where: { kind: "duplicate_channel", channelIds: { has: c.id } } });
    expect(flag.status).toBe("open");
    await editChannel(CLI_ACTOR, {
      channelId: c.id,
      version: c.version,
      name: c.name,
      kind: "app",
      purpose: "learning",
      operator: c.operatorUnit!.code,
      platformId: null,
      filing: null,
      newAlias: null,
      status: "retired",
    });
    expect(await db.flag.findFirstOrThrow({ where: { id: flag.id } })).toMatchObject({
      status: "resolved",
      resolvedReason: "condition_cleared",
    });
  });
});

describe("recomputing after one saved report", () => {
  it("reaches the same flags as a full recompute, touching only that report's scope", async () => {
    const { recomputeFlagsForReport } = await import("./recompute-for-report");
    const db = await getDb();
    await recomputeFlags(CLI_ACTOR, { today: TODAY });
    // kr3 stops using the channel: now all three reporters at Riverside are idle.
    const kr3 = await db.user.findUniqueOrThrow({ where: { login: "kr3" } });
    const report = await db.report.findFirstOrThrow({ where: { reporterId: kr3.id } });
    await db.report.updateMany({ where: { id: report.id }, data: { lastUsedOn: null, minutesPerWeek: 400 } });
    await db.report.updateMany({
      where: { reporterId: { not: kr3.id }, channelId: report.channelId, unitId: report.unitId },
      data: { lastUsedOn: null },
    });
    const started = performance.now();
    const partial = await recomputeFlagsForReport(report.id, TODAY);
    const ms = performance.now() - started;
    expect(partial!.findings).toBeGreaterThan(0);
    const full = await recomputeFlags(CLI_ACTOR, { today: TODAY });
    expect(full).toMatchObject({ created: 0, updated: 0, reopened: 0, resolved: 0 });
    console.log(`incremental recompute after one report: ${ms.toFixed(0)} ms`);
    const zombie = await db.flag.findFirstOrThrow({
      where: { subjectKey: `zombie:${report.unitId}:${report.channelId}` },
    });
    expect(zombie).toMatchObject({ status: "open", severity: 3 });
    expect(
      await db.flag.findFirst({ where: { subjectKey: `overload:person:${kr3.id}`, status: "open" } }),
    ).not.toBeNull();
  });
});
