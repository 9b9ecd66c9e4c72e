import { actorFromUser } from "@/lib/auth/actor";
import { describe, expect, it } from "vitest";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { initialsOf, normalizeName } from "@/lib/channels/channel-keys";
import { getDb } from "@/lib/db/client";
import { reportSchema } from "@/lib/reports/report.validation";
import { saveMyReport } from "@/lib/reports/save-my-report";
import { createUnit, createUser, uid, sessionOf } from "@/testing/fixtures";
import { moveStaff } from "./move-staff";

describe("moving a staff member", () => {
  it("closes their reports at the old unit, keeps them in history, and lets them start afresh at the new one", async () => {
    const db = await getDb();
    const county = await createUnit({ level: "county" });
    const dept = await createUnit({ level: "department", parentId: county.id });
    const [from, to] = [await createUnit({ parentId: county.id }), await createUnit({ parentId: county.id })];
    const name = uid("渠道");
    const channel = await db.channel.create({
      data: { name, normalizedName: normalizeName(name), initials: initialsOf(name), kind: "app", purpose: "learning" },
    });
    const account = await createUser({ unitId: from.id });
    const session = sessionOf(account);
    const form = (fields: Record<string, unknown> = {}) =>
      reportSchema.parse({
        channelId: String(channel.id),
        accounts: "1",
        minutesPerWeek: "40",
        installedOn: "",
        lastUsedOn: "2026-11-30",
        actions: ["checkin"],
        requiredByUnitId: String(dept.id),
        submissionKey: uid("key-"),
        ...fields,
      });
    const saved = await saveMyReport(actorFromUser(session), form());
    expect(
      await db.mandate.findFirst({ where: { source: "reported", targetUnitId: from.id, channelId: channel.id } }),
    ).toMatchObject({ status: "active", reporters: 1 });

    expect(await moveStaff(CLI_ACTOR, { userId: account.id, unitId: to.id })).toEqual({ closed: 1 });
    expect(await db.user.findUnique({ where: { id: account.id } })).toMatchObject({ unitId: to.id });
    const closed = await db.report.findFirstOrThrow({ where: { id: saved.reportId }, include: { history: true } });
    expect(closed).toMatchObject({ unitId: from.id, withdrawnOn: expect.any(Date) });
    expect(closed.history).toHaveLength(1);
    expect(
      await db.mandate.findFirst({ where: { source: "reported", targetUnitId: from.id, channelId: channel.id } }),
    ).toMatchObject({ status: "ended", reporters: 0 });
    expect(await db.auditLog.count({ where: { action: "user.move", entityId: String(account.id) } })).toBe(1);

    // At the new unit the same channel is reported afresh: the report is current again, at the new unit.
    await saveMyReport(
      actorFromUser({ ...session, unitId: to.id }),
      form({ version: String(closed.version), requiredByUnitId: "" }),
    );
    expect(await db.report.findFirstOrThrow({ where: { id: saved.reportId } })).toMatchObject({
      unitId: to.id,
      withdrawnOn: null,
    });

    await expect(moveStaff(CLI_ACTOR, { userId: account.id, unitId: dept.id })).rejects.toThrow("invalid_input");
    const reviewer = await createUser({ role: "REVIEWER" });
    await expect(moveStaff(CLI_ACTOR, { userId: reviewer.id, unitId: to.id })).rejects.toThrow("invalid_input");
    await expect(
      moveStaff({ userId: reviewer.id, role: "REVIEWER", via: "web" }, { userId: account.id, unitId: from.id }),
    ).rejects.toThrow("forbidden");
  });
});
