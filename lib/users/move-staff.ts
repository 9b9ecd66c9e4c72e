import "server-only";
import { authorize, type Actor } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit/write-audit";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { beijingToday } from "@/lib/dates/calendar-day";
import { refreshFlagsAfterChange } from "@/lib/flags/refresh-flags";
import { syncReportedMandates } from "@/lib/mandates/reported-mandates";

/**
 * Moves a staff member to another unit. Their current reports close at the old unit (withdrawn
 * today, kept with their history, so the old unit's past releases still hold them) and they start
 * afresh at the new one; what they told of who required a channel no longer counts there.
 */
export async function moveStaff(actor: Actor, input: { userId: number; unitId: number }): Promise<{ closed: number }> {
  authorize(actor, "admin:manage");
  const db = await getDb();
  const closed = await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: input.userId },
      select: { id: true, role: true, unitId: true },
    });
    if (!user) throw new AppError("not_found");
    if (user.role !== "STAFF") throw new AppError("invalid_input", { unitId: ["not_staff"] });
    const unit = await tx.unit.findFirst({
      where: { id: input.unitId, retiredAt: null },
      select: { id: true, level: true },
    });
    if (!unit || unit.level === "department") throw new AppError("invalid_input", { unitId: ["invalid_choice"] });
    if (user.unitId === unit.id) return 0;
    const current = await tx.report.findMany({ where: { reporterId: user.id, withdrawnOn: null } });
    const today = new Date(beijingToday());
    for (const r of current) {
      await tx.reportHistory.create({
        data: {
          reportId: r.id,
          provinceId: r.provinceId,
          version: r.version,
          snapshot: {
            unitId: r.unitId,
            minutesPerWeek: r.minutesPerWeek,
            accounts: r.accounts,
            requiredByUnitId: r.requiredByUnitId,
            actions: r.actions,
          },
        },
      });
      await tx.report.update({
        where: { id_provinceId: { id: r.id, provinceId: r.provinceId } },
        data: { withdrawnOn: today, version: { increment: 1 } },
      });
    }
    await tx.user.update({ where: { id: user.id }, data: { unitId: unit.id } });
    await writeAudit(tx, {
      actorId: actor.userId,
      action: "user.move",
      entity: "user",
      entityId: user.id,
      before: { unitId: user.unitId },
      after: { unitId: unit.id, reportsClosed: current.length },
    });
    await syncReportedMandates(
      tx,
      current.map((r) => ({ unitId: r.unitId, channelId: r.channelId })),
      actor.userId,
    );
    return current.length;
  });
  if (closed > 0) await refreshFlagsAfterChange("user.move");
  return { closed };
}
