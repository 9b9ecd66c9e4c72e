import { actorFromUser } from "@/lib/auth/actor";
import { provinceOf } from "@/lib/units/province";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createUnit, createUser, uid, sessionOf } from "@/testing/fixtures";
import { initialsOf, normalizeName } from "@/lib/channels/channel-keys";
import { reportSchema, type ReportInput } from "./report.validation";
import { saveMyReport } from "./save-my-report";

async function staffWithChannel() {
  const db = await getDb();
  const county = await createUnit({ level: "county" });
  const unit = await createUnit({ parentId: county.id });
  const user = await createUser({ unitId: unit.id });
  const name = uid("渠道");
  const channel = await db.channel.create({
    data: { name, normalizedName: normalizeName(name), initials: initialsOf(name), kind: "app", purpose: "learning" },
  });
  await db.mandate.create({
    data: {
      issuerUnitId: county.id,
      targetUnitId: county.id,
      provinceId: await provinceOf(db, county.id),
      appliesToSubtree: true,
      channelId: channel.id,
      actions: ["install", "checkin"],
    },
  });
  const session = sessionOf(user);
  return { session, channel, unit };
}

const input = (fields: Record<string, unknown>): ReportInput =>
  reportSchema.parse({
    accounts: "1",
    minutesPerWeek: "30",
    installedOn: "",
    lastUsedOn: "",
    neverUsed: fields.lastUsedOn ? "" : "on",
    actions: [],
    submissionKey: uid("key-"),
    ...fields,
  });

describe("saving one's own report", () => {
  it("creates, links it to the mandates that bind the unit, and audits it", async () => {
    const { session, channel } = await staffWithChannel();
    const saved = await saveMyReport(
      actorFromUser(session),
      input({ channelId: String(channel.id), actions: ["install"] }),
    );
    const db = await getDb();
    const report = await db.report.findFirstOrThrow({ where: { id: saved.reportId }, include: { mandates: true } });
    expect(report).toMatchObject({
      reporterId: session.id,
      unitId: session.unitId,
      minutesPerWeek: 30,
      lastUsedOn: null,
    });
    expect(report.mandates).toHaveLength(1);
    expect(
      await db.auditLog.count({ where: { action: "report.create", entityId: String(report.id), actorId: session.id } }),
    ).toBe(1);
  });

  it("records a form sent twice only once", async () => {
    const { session, channel } = await staffWithChannel();
    const form = input({ channelId: String(channel.id) });
    const [a, b] = await Promise.all([
      saveMyReport(actorFromUser(session), form),
      saveMyReport(actorFromUser(session), form),
    ]);
    expect(a).toEqual(b);
    expect(await saveMyReport(actorFromUser(session), form)).toEqual(a);
    const db = await getDb();
    expect(await db.report.count({ where: { reporterId: session.id } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "report.create", actorId: session.id } })).toBe(1);
  });

  it("tells the second of two editors that someone saved first, and keeps the first edit", async () => {
    const { session, channel } = await staffWithChannel();
    await saveMyReport(actorFromUser(session), input({ channelId: String(channel.id) }));
    await saveMyReport(
      actorFromUser(session),
      input({ channelId: String(channel.id), version: "1", minutesPerWeek: "60" }),
    );
    await expect(
      saveMyReport(
        actorFromUser(session),
        input({ channelId: String(channel.id), version: "1", minutesPerWeek: "90" }),
      ),
    ).rejects.toThrow("conflict");
    const db = await getDb();
    const report = await db.report.findFirstOrThrow({ where: { reporterId: session.id }, include: { history: true } });
    expect(report).toMatchObject({ minutesPerWeek: 60, version: 2 });
    expect(report.history.map((h) => h.version)).toEqual([1]);
  });

  it("cannot report for a retired channel or an unknown unit, and accounts are not staff of another role", async () => {
    const { session, channel } = await staffWithChannel();
    const db = await getDb();
    await db.channel.update({ where: { id: channel.id }, data: { status: "retired" } });
    await expect(saveMyReport(actorFromUser(session), input({ channelId: String(channel.id) }))).rejects.toThrow(
      "not_found",
    );
    await expect(
      saveMyReport(actorFromUser({ ...session, role: "REVIEWER" }), input({ channelId: String(channel.id) })),
    ).rejects.toThrow("forbidden");
  });
});

describe("the report form's rules", () => {
  it("refuses out-of-range numbers, future dates, last use before install and control characters", () => {
    const bad = reportSchema.safeParse({
      channelId: "1",
      accounts: "-1",
      minutesPerWeek: "99999",
      installedOn: "2026-05-01",
      lastUsedOn: "2026-04-01x",
      note: "a\u0000b",
      usefulness: "6",
      actions: ["install", "fly"],
      submissionKey: "key-12345678",
    });
    expect(bad.success).toBe(false);
    const fields = Object.keys(bad.error!.flatten().fieldErrors).sort();
    expect(fields).toEqual(["accounts", "actions", "lastUsedOn", "minutesPerWeek", "note", "usefulness"]);
    const order = reportSchema.safeParse({
      channelId: "1",
      accounts: "1",
      minutesPerWeek: "1",
      installedOn: "2026-05-01",
      lastUsedOn: "2026-04-01",
      submissionKey: "key-12345678",
    });
    expect(order.error!.flatten().fieldErrors.lastUsedOn).toEqual(["before_install"]);
    const future = reportSchema.safeParse({
      channelId: "1",
      accounts: "1",
      minutesPerWeek: "1",
      installedOn: "2999-01-01",
      lastUsedOn: "",
      submissionKey: "key-12345678",
    });
    expect(future.error!.flatten().fieldErrors.installedOn).toEqual(["future_date"]);
  });
});
