import { importLedger } from "@/testing/fixtures";
import { actorFromUser } from "@/lib/auth/actor";
import { beforeAll, describe, expect, it } from "vitest";
import { CLI_ACTOR } from "@/lib/auth/actor";
import type { SessionUser } from "@/lib/auth/session-user";
import { getDb } from "@/lib/db/client";
import { translator } from "@/lib/i18n/messages";
import { importCsv } from "@/lib/imports/run-import";
import { actAs, sessionActor } from "@/testing/request-context";
import { decideFlag, decideFlags, mergeFromFlag } from "./decide-flag";
import { decisionSchema, mergeSchema } from "./decision.validation";
import { getFlagForReview } from "./get-flag";
import { listQueue } from "./list-queue";

const t = translator("en");
// Two counties; each has a pair of duplicate channels, mandates and reports.
const UNITS = `code,name,level,parent_code
RA,County A,county,
RA-D,A Dept,department,RA
RA-V1,A Village,village,RA
RB,County B,county,
RB-D,B Dept,department,RB
RB-V1,B Village,village,RB
`;
const CHANNELS = `name,kind,operator,platform_id,aliases,purpose
ALearn,app,RA-D,,,learning
ALearnAPP,app,RA-D,,,learning
BLearn,app,RB-D,,,learning
BLearnAPP,app,RB-D,,,learning
`;
const MANDATES = `issuer_code,unit_code,channel,actions,assessment_linked,ranking,quota,since,document
RA-D,RA-V1,ALearn,install,false,false,,2026-01-01,
RA-D,RA-V1,ALearnAPP,install|promote,false,false,,2026-01-01,
RB-D,RB-V1,BLearn,install,false,false,,2026-01-01,
RB-D,RB-V1,BLearnAPP,install|promote,false,false,,2026-01-01,
`;
const REPORTS = `unit_code,reporter,channel,accounts,minutes_per_week,installed_on,last_used_on,only_for_figures,usefulness
RA-V1,ra1,ALearn,1,30,2025-01-01,,false,1
RA-V1,ra1,ALearnAPP,2,20,2024-06-01,2026-11-20,false,3
RA-V1,ra2,ALearnAPP,1,10,2025-01-01,,false,1
RB-V1,rb1,BLearn,1,30,2025-01-01,,false,1
`;

async function reviewerOf(code: string): Promise<SessionUser & { sessionVersion: number }> {
  const db = await getDb();
  const root = await db.unit.findUniqueOrThrow({ where: { code } });
  const u = await db.user.create({
    data: { login: `rev-${code}`, name: `Reviewer ${code}`, role: "REVIEWER", jurisdictionId: root.id },
  });
  return {
    id: u.id,
    login: u.login,
    name: u.name,
    role: "REVIEWER",
    unitId: null,
    jurisdictionPath: root.path,
    sessionVersion: u.sessionVersion,
  };
}

const dupOf = async (name: string) => {
  const db = await getDb();
  const c = await db.channel.findUniqueOrThrow({ where: { name } });
  return db.flag.findFirstOrThrow({ where: { kind: "duplicate_channel", channelIds: { has: c.id } } });
};

type Decision = Parameters<typeof decideFlag>[1];
type Answer = Decision extends infer D ? (D extends unknown ? Omit<D, "flagId" | "version"> : never) : never;

/** One reviewer's decision on a flag as they last saw it. */
const decideOn = (reviewer: SessionUser, flag: { id: number; version: number }, answer: Answer) =>
  decideFlag(actorFromUser(reviewer), { flagId: flag.id, version: flag.version, ...answer } as Decision);

let a: Awaited<ReturnType<typeof reviewerOf>>;
let b: Awaited<ReturnType<typeof reviewerOf>>;

beforeAll(async () => {
  await importLedger({ units: UNITS, channels: CHANNELS, mandates: MANDATES, reports: REPORTS });
  a = await reviewerOf("RA");
  b = await reviewerOf("RB");
});

describe("the reviewer's queue", () => {
  it("holds only the flags of the reviewer's subtree, worst first", async () => {
    await actAs(a);
    const queue = await listQueue(await sessionActor(), {}, t);
    expect(queue.total).toBeGreaterThan(0);
    expect(queue.items.flatMap((f) => f.channels).every((c) => c.startsWith("A"))).toBe(true);
    const order = queue.items.map((f) => f.severity);
    expect(order).toEqual([...order].sort((x, y) => y - x));
    expect(
      (await listQueue(await sessionActor(), { kind: "duplicate_channel" }, t)).items.map((f) => f.channels),
    ).toEqual([["ALearn", "ALearnAPP"]]);
  });

  it("refuses every decision on a flag outside the subtree, and changes nothing", async () => {
    const theirs = await dupOf("BLearn");
    await actAs(a);
    await expect(getFlagForReview(await sessionActor(), theirs.id, t)).rejects.toThrow("not_found");
    const base = { flagId: theirs.id, version: theirs.version };
    for (const input of [
      { ...base, decision: "confirm" as const },
      { ...base, decision: "dismiss" as const, reason: "x" },
      { ...base, decision: "recommend" as const, action: "retire_channel" as const },
      { ...base, decision: "assign" as const, issuer: "RA-D", deadline: "2099-01-01" },
      { ...base, decision: "resolve" as const, evidence: "x" },
    ]) {
      await expect(decideFlag(actorFromUser(a), input)).rejects.toThrow("not_found");
    }
    await expect(decideFlags(actorFromUser(a), { flagIds: [theirs.id], decision: "confirm" })).rejects.toThrow(
      "not_found",
    );
    await expect(
      mergeFromFlag(actorFromUser(a), { ...base, winnerId: theirs.channelIds[0]!, loserId: theirs.channelIds[1]! }),
    ).rejects.toThrow("not_found");
    const db = await getDb();
    expect(await db.flag.findFirstOrThrow({ where: { id: theirs.id } })).toMatchObject({
      status: "open",
      version: theirs.version,
    });
    expect(await db.channel.count({ where: { status: "merged" } })).toBe(0);
  });
});

describe("decisions", () => {
  it("refuses a dismissal without a reason, a deadline in the past and a merge into itself", () => {
    const fieldErrors = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
      r.error?.issues.map((i) => `${String(i.path[0])}:${i.message}`);
    expect(fieldErrors(decisionSchema.safeParse({ flagId: 1, version: 1, decision: "dismiss", reason: "  " }))).toEqual(
      ["reason:required"],
    );
    expect(
      fieldErrors(
        decisionSchema.safeParse({ flagId: 1, version: 1, decision: "assign", issuer: "X", deadline: "2020-01-01" }),
      ),
    ).toEqual(["deadline:deadline_past"]);
    expect(fieldErrors(mergeSchema.safeParse({ flagId: 1, version: 1, winnerId: 5, loserId: 5 }))).toEqual([
      "winnerId:merge_into_itself",
    ]);
  });

  it("tells the second of two reviewers deciding the same flag what changed, and keeps the first decision", async () => {
    const db = await getDb();
    const flag = await db.flag.findFirstOrThrow({ where: { kind: "forced_on_residents", unit: { code: "RA-V1" } } });
    const second = await reviewerOf("RA-V1");
    await decideOn(a, flag, { decision: "confirm" });
    await expect(decideOn(second, flag, { decision: "dismiss", reason: "not ours" })).rejects.toMatchObject({
      code: "conflict",
      fieldErrors: { decision: ["flag_now_confirmed"] },
    });
    const after = await db.flag.findFirstOrThrow({ where: { id: flag.id }, include: { decisions: true } });
    expect(after.status).toBe("confirmed");
    expect(after.decisions.map((d) => d.decision)).toEqual(["confirm"]);
    expect(await db.auditLog.count({ where: { action: "flag.confirm", entityId: String(flag.id) } })).toBe(1);
  });

  it("assigns to an issuer with a deadline, and the flag is then found under that issuer", async () => {
    const db = await getDb();
    const flag = await db.flag.findFirstOrThrow({ where: { kind: "zombie", unit: { code: "RA-V1" }, status: "open" } });
    await expect(
      decideOn(a, flag, { decision: "assign", issuer: "RB-D", deadline: "2099-01-01" }),
    ).rejects.toMatchObject({ fieldErrors: { issuer: ["unknown_unit"] } });
    await decideOn(a, flag, { decision: "assign", issuer: "RA-D", deadline: "2099-01-01" });
    await actAs(a);
    const queue = await listQueue(await sessionActor(), { issuer: "RA-D", status: "confirmed" }, t);
    expect(queue.items.map((i) => i.id)).toContain(flag.id);
    expect(queue.items.find((i) => i.id === flag.id)).toMatchObject({
      assignedIssuer: "A Dept",
      deadline: "2099-01-01",
      overdue: false,
    });
  });
});

describe("recommendations", () => {
  it("offer only what fits the kind: an idle channel is retired, not merged", async () => {
    const db = await getDb();
    const flag = await db.flag.findFirstOrThrow({ where: { kind: "zombie", unit: { code: "RA-V1" } } });
    await expect(decideOn(a, flag, { decision: "recommend", action: "merge_channel" })).rejects.toMatchObject({
      fieldErrors: { action: ["not_for_this_kind"] },
    });
    expect(await db.flag.findFirstOrThrow({ where: { id: flag.id } })).toMatchObject({ version: flag.version });
    await decideOn(a, flag, { decision: "recommend", action: "retire_channel" });
  });
});

describe("merging duplicate channels", () => {
  it("moves mandates and reports to the winner, keeps one report per person, keeps the name as an alias, and resolves the flag", async () => {
    const db = await getDb();
    const flag = await dupOf("ALearn");
    const [winner, loser] = await Promise.all([
      db.channel.findUniqueOrThrow({ where: { name: "ALearn" } }),
      db.channel.findUniqueOrThrow({ where: { name: "ALearnAPP" } }),
    ]);
    const retired = await db.channel.findUniqueOrThrow({ where: { name: "BLearn" } });
    await expect(
      mergeFromFlag(actorFromUser(a), {
        flagId: flag.id,
        version: flag.version,
        winnerId: retired.id,
        loserId: loser.id,
      }),
    ).rejects.toMatchObject({ fieldErrors: { winnerId: ["invalid_choice"] } });
    const summary = await mergeFromFlag(actorFromUser(a), {
      flagId: flag.id,
      version: flag.version,
      winnerId: winner.id,
      loserId: loser.id,
    });
    expect(summary).toMatchObject({
      winner: "ALearn",
      loser: "ALearnAPP",
      aliasesAdded: ["ALearnAPP"],
      mandatesMoved: 1,
      reportsMoved: 1,
      reportsFolded: 1,
    });
    const ra1 = await db.user.findUniqueOrThrow({ where: { login: "ra1" } });
    const kept = await db.report.findMany({ where: { reporterId: ra1.id } });
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({ channelId: winner.id, accounts: 2, minutesPerWeek: 30 });
    expect(kept[0]!.lastUsedOn?.toISOString().slice(0, 10)).toBe("2026-11-20");
    expect(await db.channel.findUniqueOrThrow({ where: { id: loser.id } })).toMatchObject({
      status: "merged",
      mergedIntoId: winner.id,
    });
    expect(await db.channelAlias.count({ where: { channelId: winner.id, alias: "ALearnAPP" } })).toBe(1);
    expect(await db.flag.findFirstOrThrow({ where: { id: flag.id } })).toMatchObject({
      status: "resolved",
      resolvedReason: "merged",
    });
    expect(await db.auditLog.count({ where: { action: "channel.merge" } })).toBe(1);
    // Flags followed: the loser's own flags no longer hold.
    expect(
      await db.flag.count({ where: { channelIds: { has: loser.id }, status: { in: ["open", "confirmed"] } } }),
    ).toBe(0);
    // Merging again, or into a merged channel, is refused.
    await expect(
      mergeFromFlag(actorFromUser(a), {
        flagId: flag.id,
        version: flag.version + 1,
        winnerId: loser.id,
        loserId: winner.id,
      }),
    ).rejects.toThrow();
  });
});

describe("anonymity", () => {
  it("never names an anonymous reporter and withholds details of groups below the threshold", async () => {
    const db = await getDb();
    const rb1 = await db.user.findUniqueOrThrow({ where: { login: "rb1" } });
    await db.report.updateMany({ where: { reporterId: rb1.id }, data: { anonymous: true } });
    const flag = await db.flag.findFirstOrThrow({ where: { kind: "zombie", reporterId: rb1.id } });
    await actAs(b);
    const seen = await getFlagForReview(await sessionActor(), flag.id, t);
    expect(seen.reporter).toBeNull();
    expect(seen.reporterHidden).toBe(true);
    expect(seen.evidence.reports).toEqual({ withheld: true, count: 1 });
    expect(JSON.stringify(seen)).not.toContain("rb1");
    expect(JSON.stringify(await listQueue(await sessionActor(), { status: "all" }, t))).not.toContain("rb1");
  });
});

describe("anonymity by construction", () => {
  // Finding 4 of issue 15: per-person flags were numbered in reporter order, placing an anonymous one between its neighbours.
  it("numbers and lists per-person flags in an order that says nothing of the reporters' order", async () => {
    const people = Array.from(
      { length: 30 },
      (_, i) => `RA-V2,rc${String(i).padStart(2, "0")},ALearn,1,400,2025-01-01,2026-11-20,false,3`,
    );
    expect(
      (
        await importCsv(CLI_ACTOR, {
          kind: "units",
          text: "code,name,level,parent_code\nRA-V2,A Second Village,village,RA\n",
          dryRun: false,
        })
      ).issues,
    ).toEqual([]);
    expect(
      (
        await importCsv(CLI_ACTOR, {
          kind: "reports",
          text: `unit_code,reporter,channel,accounts,minutes_per_week,installed_on,last_used_on,only_for_figures,usefulness\n${people.join("\n")}\n`,
          dryRun: false,
        })
      ).issues,
    ).toEqual([]);
    const db = await getDb();
    const reporters = (await db.user.findMany({ where: { login: { startsWith: "rc" } }, select: { id: true } })).map(
      (u) => u.id,
    );
    const flags = await db.flag.findMany({
      where: { kind: "overload", reporterId: { in: reporters } },
      select: { id: true, reporterId: true },
    });
    expect(flags).toHaveLength(30);
    const byReporter = [...flags].sort((x, y) => x.reporterId! - y.reporterId!).map((f) => f.id);
    expect(byReporter).not.toEqual([...byReporter].sort((x, y) => x - y));
    await actAs(a);
    const queue = await listQueue(await sessionActor(), { status: "all", kind: "overload" }, t);
    const listed = queue.items.map((i) => i.id).filter((id) => flags.some((f) => f.id === id));
    expect(listed).toHaveLength(30);
    expect(listed).not.toEqual(byReporter);
    expect(listed).not.toEqual([...listed].sort((x, y) => x - y));
  });
});

describe("exports", () => {
  it("hold the reviewer's subtree only, the decisions taken, and no reporter", async () => {
    const { exportReview } = await import("./export-review");
    await actAs(a);
    const queue = JSON.parse(await exportReview(await sessionActor(), "queue", "json", { status: "all" }, t)) as {
      unit: string;
      channels: string;
    }[];
    expect(queue.length).toBeGreaterThan(0);
    expect(queue.every((f) => f.unit.startsWith("RA"))).toBe(true);
    const csv = await exportReview(await sessionActor(), "decisions", "csv", {}, t);
    expect(csv.split("\n")[0]).toBe("flag_id,kind,decision,reason,detail,reviewer,at");
    expect(csv).toContain("merge");
    for (const text of [JSON.stringify(queue), csv])
      for (const login of ["ra1", "ra2", "rb1"]) expect(text).not.toContain(login);
  });
});

describe("cases", () => {
  it("are claimed, handed to a colleague who sees them, refused to one who does not, and decided together with a department picked for them", async () => {
    const { listReviewCases } = await import("./list-review-cases");
    const { setCaseOwner } = await import("./case-owners");
    const db = await getDb();
    await actAs(a);
    const cases = await listReviewCases(await sessionActor());
    expect(cases.length).toBeGreaterThan(0);
    const mine = cases[0]!;
    expect(mine.owner).toBeNull();
    await setCaseOwner(actorFromUser(a), { caseKey: mine.key });
    expect((await listReviewCases(await sessionActor(), "mine")).map((c) => c.key)).toEqual([mine.key]);
    expect((await listReviewCases(await sessionActor(), "unowned")).map((c) => c.key)).not.toContain(mine.key);
    // A reviewer of the other county cannot see the case: neither claim it nor be handed it.
    await expect(setCaseOwner(actorFromUser(a), { caseKey: mine.key, ownerId: b.id })).rejects.toMatchObject({
      fieldErrors: { ownerId: ["colleague_cannot_see"] },
    });
    await actAs(b);
    await expect(setCaseOwner(actorFromUser(b), { caseKey: mine.key })).rejects.toMatchObject({ code: "not_found" });
    const colleague = await db.user.create({
      data: {
        login: "rev-ra-2",
        name: "Second A",
        role: "REVIEWER",
        jurisdictionId: (await db.unit.findUniqueOrThrow({ where: { code: "RA" } })).id,
        passwordHash: "x",
      },
    });
    await actAs(a);
    expect(await setCaseOwner(actorFromUser(a), { caseKey: mine.key, ownerId: colleague.id })).toEqual({
      id: colleague.id,
      name: "Second A",
    });
    expect((await listReviewCases(await sessionActor())).find((c) => c.key === mine.key)?.owner?.name).toBe("Second A");
    expect(await db.auditLog.count({ where: { entity: "case", entityId: mine.key } })).toBe(2);
    // One decision on the case's findings: each goes to the department, with the deadline.
    const ids = mine.findingIds;
    expect(
      (
        await decideFlags(actorFromUser(a), {
          flagIds: ids,
          decision: "assign",
          issuer: "RA-D",
          deadline: "2099-03-01",
        })
      ).changed,
    ).toBe(ids.length);
    const flags = await db.flag.findMany({ where: { id: { in: ids } } });
    expect(flags.every((f) => f.status === "confirmed" && f.deadline?.toISOString().startsWith("2099-03-01"))).toBe(
      true,
    );
    await expect(
      decideFlags(actorFromUser(a), { flagIds: ids, decision: "assign", issuer: "RB-D", deadline: "2099-03-01" }),
    ).rejects.toMatchObject({ fieldErrors: { issuer: ["unknown_unit"] } });
  });
});
