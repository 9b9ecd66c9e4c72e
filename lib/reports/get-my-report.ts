import "server-only";
import { authorizePerson, type Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db/client";
import { formatDay } from "@/lib/dates/calendar-day";
import { AppError } from "@/lib/errors";
import type { ActionCode } from "@/lib/vocabulary";
import { findMandatesForUnit } from "./my-mandates";
import type { MandateChoice, ReportDraft } from "./report-dto";

/** One of the signed-in staff member's own reports, for editing; another person's id is "not found". */
export async function getMyReport(
  actor: Actor,
  reportId: number,
): Promise<{ draft: ReportDraft; mandates: MandateChoice[]; withdrawnOn: string | null }> {
  const user = authorizePerson(actor, "report:write");
  const db = await getDb();
  const r = await db.report.findFirst({
    where: { id: reportId, reporterId: user.id },
    include: { channel: { select: { id: true, name: true, kind: true } } },
  });
  if (!r) throw new AppError("not_found");
  const mandates = user.unitId
    ? ((await findMandatesForUnit(db, user.unitId, [r.channelId])).get(r.channelId) ?? [])
    : [];
  return {
    mandates,
    withdrawnOn: r.withdrawnOn ? formatDay(r.withdrawnOn) : null,
    draft: {
      reportId: r.id,
      version: r.version,
      channel: r.channel,
      requiredByUnitId: r.requiredByUnitId,
      requiredByName: r.requiredByName ?? "",
      actions: r.actions as ActionCode[],
      accounts: r.accounts,
      minutesPerWeek: r.minutesPerWeek,
      installedOn: formatDay(r.installedOn),
      lastUsedOn: formatDay(r.lastUsedOn),
      neverUsed: r.lastUsedOn === null,
      onlyForFigures: r.onlyForFigures,
      usefulness: r.usefulness,
      note: r.note ?? "",
      anonymous: r.anonymous,
    },
  };
}
