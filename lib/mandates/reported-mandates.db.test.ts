import { actorFromUser } from "@/lib/auth/actor";
import { provinceOf } from "@/lib/units/province";
import { describe, expect, it } from "vitest";
import { initialsOf, normalizeName } from "@/lib/channels/channel-keys";
import { getDb } from "@/lib/db/client";
import { explainFlag } from "@/lib/flags/explain-flag";
import { recomputeAllFlags } from "@/lib/flags/recompute-flags";
import { translator } from "@/lib/i18n/messages";
import { countFlags } from "@/lib/public/flag-figures";
import { WHOLE } from "@/lib/public/people-tables";
import { reportSchema, withdrawReportSchema } from "@/lib/reports/report.validation";
import { saveMyReport, withdrawMyReport } from "@/lib/reports/save-my-report";
import { findMandatesForUnit } from "@/lib/reports/my-mandates";
import { createUnit, createUser, uid, sessionOf } from "@/testing/fixtures";
import { revokeMandateSchema, reviewMandateSchema } from "./mandate.validation";
import { reviewReportedMandate, revokeMandate } from "./manage-mandates";

/*
 * Known answers for what staff report (issue 16): a report that names who required a channel and
 * with which actions is judged as a mandate, gathered with the same from colleagues; reviewers
 * confirm, reject and revoke; a subtree mandate binds every village below; a withdrawn report
 * leaves the flags.
 */

async function county() {
  const db = await getDb();
  const c = await createUnit({ level: "county" });
  const dept = await createUnit({ level: "department", parentId: c.id, name: uid("县委组织部") });
  const township = await createUnit({ level: "township", parentId: c.id });
  const villages = [await createUnit({ parentId: township.id }), await createUnit({ parentId: township.id })];
  const channel = async (purpose: "learning" | "service" = "learning") => {
    const name = uid("渠道");
    return db.channel.create({
      data: { name, normalizedName: normalizeName(name), initials: initialsOf(name), kind: "app", purpose },
    });
  };
  const staff = async (unitId: number) => sessionOf(await createUser({ unitId }));
  const reviewer = sessionOf(await createUser({ role: "REVIEWER", jurisdictionId: c.id }), c.path);
  return { c, dept, township, villages, channel, staff, reviewer };
}

const report = (channelId: number, fields: Record<string, unknown> = {}) =>
  reportSchema.parse({
    channelId: String(channelId),
    accounts: "1",
    minutesPerWeek: "30",
    installedOn: "2026-01-05",
    lastUsedOn: "2026-11-20",
    actions: [],
    submissionKey: uid("key-"),
    ...fields,
  });

/** The hidden fields a mandate's form sends: which one, and the version the reviewer saw. */
const formOf = (m: { id: number; version: number }) => ({ mandateId: String(m.id), version: String(m.version) });

async function flag(subjectKey: string) {
  const db = await getDb();
  return db.flag.findFirst({ where: { subjectKey } });
}

async function reportedMandates(channelId: number) {
  const db = await getDb();
  return db.mandate.findMany({ where: { channelId, source: "reported" }, orderBy: { id: "asc" } });
}

describe("mandates reported by staff", () => {
  it("one report of check-in and points ranking, with no imported mandate, gives a policy-conflict flag that cites it", async () => {
    const { dept, villages, channel, staff } = await county();
    const x = await channel();
    const s = await staff(villages[0]!.id);
    const saved = await saveMyReport(
      actorFromUser(s),
      report(x.id, { requiredByUnitId: String(dept.id), actions: ["install", "checkin", "points_ranking"] }),
    );
    const [m] = await reportedMandates(x.id);
    expect(m).toMatchObject({
      issuerUnitId: dept.id,
      targetUnitId: villages[0]!.id,
      reporters: 1,
      review: "pending",
      status: "active",
      actions: ["install", "checkin", "points_ranking"],
    });
    const db = await getDb();
    expect(
      await db.reportMandate.findMany({ where: { mandateId: m!.id }, select: { reportId: true, mandateId: true } }),
    ).toEqual([{ reportId: saved.reportId, mandateId: m!.id }]);
    const f = await flag(`policy_conflict:mandate:${m!.id}`);
    expect(f).toMatchObject({ status: "open", unitId: villages[0]!.id, issuerIds: [dept.id] });
    expect(f!.evidence).toMatchObject({ mandates: [m!.id], rules: ["checkin_points_online"] });
    // One reporter: the explanation says it comes from staff, without a count that points at them.
    const words = explainFlag(f!.explanation, translator("zh-CN"));
    expect(words).toContain("基层反映");
    expect(words).toContain("少于 5 人");
    expect(words).not.toMatch(/1 名/);
  });

  it("the same from three staff is one reported mandate counted three times; promoting to residents is forced on residents", async () => {
    const { dept, villages, channel, staff } = await county();
    const x = await channel();
    for (const actions of [["checkin"], ["checkin", "promote"], ["promote"]])
      await saveMyReport(
        actorFromUser(await staff(villages[0]!.id)),
        report(x.id, { requiredByUnitId: String(dept.id), actions }),
      );
    const mandates = await reportedMandates(x.id);
    expect(mandates).toHaveLength(1);
    expect(mandates[0]).toMatchObject({ reporters: 3, actions: ["checkin", "promote"] });
    expect(await flag(`forced_on_residents:${mandates[0]!.id}`)).toMatchObject({ status: "open" });
  });

  it("a reviewer confirms one (it stands above later reports) and rejects another (its flags resolve)", async () => {
    const { dept, c, villages, channel, staff, reviewer } = await county();
    const [x, y] = [await channel(), await channel("service")];
    const s = await staff(villages[0]!.id);
    await saveMyReport(actorFromUser(s), report(x.id, { requiredByUnitId: String(dept.id), actions: ["checkin"] }));
    await saveMyReport(actorFromUser(s), report(y.id, { requiredByUnitId: String(c.id), actions: ["screenshot"] }));
    const [mx] = await reportedMandates(x.id);
    const [my] = await reportedMandates(y.id);
    await reviewReportedMandate(
      actorFromUser(reviewer),
      reviewMandateSchema.parse({ ...formOf(mx!), decision: "confirm" }),
    );
    expect(reviewMandateSchema.safeParse({ ...formOf(my!), decision: "reject" }).success).toBe(false);
    await reviewReportedMandate(
      actorFromUser(reviewer),
      reviewMandateSchema.parse({
        ...formOf(my!),
        decision: "reject",
        reason: "经核实为自愿使用",
      }),
    );
    const db = await getDb();
    expect(await db.mandate.findFirst({ where: { id: mx!.id } })).toMatchObject({
      review: "confirmed",
      status: "active",
    });
    expect(await flag(`policy_conflict:mandate:${mx!.id}`)).toMatchObject({ status: "open" });
    expect(await flag(`policy_conflict:mandate:${my!.id}`)).toMatchObject({
      status: "resolved",
      resolvedReason: "condition_cleared",
    });
    // A confirmed mandate keeps its terms when the reports change.
    const current = await db.report.findFirstOrThrow({ where: { reporterId: s.id, channelId: x.id } });
    await saveMyReport(
      actorFromUser(s),
      report(x.id, { requiredByUnitId: String(dept.id), actions: ["install"], version: String(current.version) }),
    );
    expect(await db.mandate.findFirst({ where: { id: mx!.id } })).toMatchObject({
      actions: ["checkin"],
      review: "confirmed",
    });
    expect(
      await db.auditLog.count({
        where: { entity: "mandate", entityId: String(mx!.id), action: "mandate.confirm", actorId: reviewer.id },
      }),
    ).toBe(1);
  });

  it("revoking a mandate resolves its flags with the reason and counts as a clean-up", async () => {
    const { dept, villages, channel, staff, reviewer, c } = await county();
    const x = await channel();
    await saveMyReport(
      actorFromUser(await staff(villages[1]!.id)),
      report(x.id, { requiredByUnitId: String(dept.id), actions: ["upload_photos"] }),
    );
    const [m] = await reportedMandates(x.id);
    const db = await getDb();
    const before = (await countFlags(db, [c.id], new Date(0))).get(c.id)?.cleaned ?? 0;
    const bad = revokeMandateSchema.safeParse({
      ...formOf(m!),
      revokedOn: "",
      reason: "",
    });
    expect(bad.success).toBe(false);
    await revokeMandate(
      actorFromUser(reviewer),
      revokeMandateSchema.parse({
        ...formOf(m!),
        revokedOn: "2026-12-01",
        reason: "县委组织部已发文停止",
      }),
    );
    expect(await db.mandate.findFirst({ where: { id: m!.id } })).toMatchObject({
      status: "revoked",
      endedReason: "县委组织部已发文停止",
    });
    expect(await flag(`policy_conflict:mandate:${m!.id}`)).toMatchObject({
      status: "resolved",
      resolvedReason: "mandate_revoked",
    });
    const f = await flag(`policy_conflict:mandate:${m!.id}`);
    expect(await db.flagDecision.findFirst({ where: { flagId: f!.id } })).toMatchObject({
      decision: "resolve",
      reason: "县委组织部已发文停止",
      reviewerId: reviewer.id,
    });
    expect((await countFlags(db, [c.id], new Date(0))).get(c.id)?.cleaned).toBe(before + 1);
    expect((await countFlags(db, [c.id], new Date(0))).get(WHOLE)?.cleaned).toBeGreaterThan(0);
    // A reviewer of another county does not see it at all.
    const other = await createUnit({ level: "county" });
    await expect(
      revokeMandate(
        actorFromUser({ ...reviewer, jurisdictionPath: other.path }),
        revokeMandateSchema.parse({ mandateId: String(m!.id), version: "2", revokedOn: "2026-12-01", reason: "x" }),
      ),
    ).rejects.toThrow("not_found");
  });

  it("a mandate on a township's subtree reaches every village below: staff's list, and a duplicate with another issuer", async () => {
    const { dept, township, c, villages, channel } = await county();
    const x = await channel();
    const db = await getDb();
    await db.mandate.create({
      data: {
        issuerUnitId: dept.id,
        targetUnitId: township.id,
        provinceId: await provinceOf(db, township.id),
        appliesToSubtree: true,
        channelId: x.id,
        actions: ["install"],
      },
    });
    await db.mandate.create({
      data: {
        issuerUnitId: c.id,
        targetUnitId: villages[1]!.id,
        provinceId: await provinceOf(db, villages[1]!.id),
        channelId: x.id,
        actions: ["install"],
      },
    });
    for (const v of villages)
      expect((await findMandatesForUnit(db, v.id, [x.id])).get(x.id)?.map((m) => m.issuerUnitId)).toContain(dept.id);
    await recomputeAllFlags({ trigger: "test" });
    expect(await flag(`duplicate_mandate:${villages[1]!.id}:${x.id}`)).toMatchObject({ status: "open" });
    expect(await flag(`duplicate_mandate:${villages[0]!.id}:${x.id}`)).toBeNull();
  });

  it("refuses a report with blank last use or minutes, and one naming a unit outside the reporter's tree", async () => {
    const blank = reportSchema.safeParse({
      channelId: "1",
      accounts: "1",
      minutesPerWeek: "",
      installedOn: "",
      lastUsedOn: "",
      actions: [],
      submissionKey: uid("key-"),
    });
    expect(blank.success).toBe(false);
    const issues = Object.fromEntries(blank.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(issues).toMatchObject({ minutesPerWeek: "required", lastUsedOn: "last_use_required" });
    const { villages, channel, staff } = await county();
    const elsewhere = await createUnit({ level: "county" });
    const x = await channel();
    await expect(
      saveMyReport(
        actorFromUser(await staff(villages[0]!.id)),
        report(x.id, { requiredByUnitId: String(elsewhere.id), actions: ["checkin"] }),
      ),
    ).rejects.toThrow("invalid_input");
  });

  it("a withdrawn report leaves the flags and its reported mandate ends; it stays in history", async () => {
    const { dept, villages, channel, staff } = await county();
    const x = await channel();
    const s = await staff(villages[0]!.id);
    const saved = await saveMyReport(
      actorFromUser(s),
      report(x.id, { requiredByUnitId: String(dept.id), actions: ["checkin"], lastUsedOn: "", neverUsed: "on" }),
    );
    const [m] = await reportedMandates(x.id);
    const zombieKey = `zombie:${villages[0]!.id}:${x.id}:${s.id}`;
    expect(await flag(zombieKey)).toMatchObject({ status: "open" });
    expect(
      withdrawReportSchema.safeParse({ reportId: String(saved.reportId), version: "1", withdrawnOn: "" }).success,
    ).toBe(false);
    await withdrawMyReport(
      actorFromUser(s),
      withdrawReportSchema.parse({ reportId: String(saved.reportId), version: "1", withdrawnOn: "2026-12-01" }),
    );
    const db = await getDb();
    expect(await db.report.findFirst({ where: { id: saved.reportId }, include: { history: true } })).toMatchObject({
      withdrawnOn: new Date("2026-12-01"),
      history: [{ version: 1 }],
    });
    expect(await flag(zombieKey)).toMatchObject({ status: "resolved" });
    expect(await flag(`policy_conflict:mandate:${m!.id}`)).toMatchObject({ status: "resolved" });
    expect(await db.mandate.findFirst({ where: { id: m!.id } })).toMatchObject({
      status: "ended",
      reporters: 0,
      endedReason: "no_reports",
    });
    // Another person's report cannot be withdrawn.
    await expect(
      withdrawMyReport(
        actorFromUser(await staff(villages[0]!.id)),
        withdrawReportSchema.parse({ reportId: String(saved.reportId), version: "2", withdrawnOn: "2026-12-01" }),
      ),
    ).rejects.toThrow("not_found");
  });
});
