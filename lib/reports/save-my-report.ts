import "server-only";
import { writeAudit } from "@/lib/audit/write-audit";
import { authorizePerson, type Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db/client";
import { provinceOf } from "@/lib/units/province";
import { AppError } from "@/lib/errors";
import { formatDay } from "@/lib/dates/calendar-day";
import { linkReportsToMandates } from "@/lib/mandates/link-reports";
import { syncReportedMandates } from "@/lib/mandates/reported-mandates";
import { requirersOf } from "@/lib/units/requirers";
import { findMandatesForUnit } from "./my-mandates";
import { recomputeFlagsForReport } from "@/lib/flags/recompute-for-report";
import { answersOf, type StoredAnswers } from "./report-answers";
import type { ReportInput, WithdrawReportInput } from "./report.validation";

export type SavedReport = { reportId: number; channelName: string };

/**
 * Creates or updates the signed-in staff member's report on one channel. The reporter and unit
 * come from the session, never from the form. A form sent twice (double tap, retry) is recorded
 * once; a form loaded before someone else saved is refused as a conflict, and nothing is lost.
 */
export async function saveMyReport(actor: Actor, input: ReportInput): Promise<SavedReport> {
  const user = authorizePerson(actor, "report:write");
  if (!user.unitId) throw new AppError("forbidden");
  const unitId = user.unitId;
  const db = await getDb();
  const key = `${user.id}:${input.submissionKey}`;
  const handled = await db.submissionKey.findUnique({ where: { key } });
  if (handled) return handled.result as SavedReport;

  const channel = await db.channel.findFirst({
    where: { id: input.channelId, status: "active" },
    select: { id: true, name: true },
  });
  if (!channel) throw new AppError("not_found", { channelId: ["invalid_choice"] });
  // Who required it is picked from the units up the reporter's tree, or is the issuer of a mandate
  // that binds their unit: a unit elsewhere in the country cannot have required it of them.
  if (input.requiredByUnitId) {
    const [up, bound] = await Promise.all([requirersOf(db, unitId), findMandatesForUnit(db, unitId, [channel.id])]);
    const known = new Set([...up.map((u) => u.id), ...(bound.get(channel.id) ?? []).map((m) => m.issuerUnitId)]);
    if (!known.has(input.requiredByUnitId))
      throw new AppError("invalid_input", { requiredByUnitId: ["not_in_your_tree"] });
  }
  const fields = {
    requiredByUnitId: input.requiredByUnitId,
    requiredByName: input.requiredByUnitId ? null : input.requiredByName,
    actions: input.actions,
    accounts: input.accounts,
    minutesPerWeek: input.minutesPerWeek,
    installedOn: input.installedOn,
    lastUsedOn: input.neverUsed ? null : input.lastUsedOn,
    onlyForFigures: input.onlyForFigures,
    usefulness: input.usefulness,
    note: input.note,
    anonymous: input.anonymous,
    // Reporting a channel again after withdrawing it makes the report current again.
    withdrawnOn: null,
  };

  let saved: SavedReport;
  try {
    saved = await db.$transaction(async (tx) => {
      // Claim the form's key first: a second copy of the same form waits here, then fails as a duplicate.
      await tx.submissionKey.create({ data: { key, userId: user.id } });
      // One report per person and channel: found in whichever province it was made.
      const existing = await tx.report.findFirst({ where: { reporterId: user.id, channelId: channel.id } });
      const provinceId = await provinceOf(tx, unitId);
      let reportId: number;
      if (existing) {
        if (input.version !== existing.version) throw new AppError("conflict");
        await tx.reportHistory.create({
          data: {
            reportId: existing.id,
            provinceId: existing.provinceId,
            version: existing.version,
            snapshot: snapshot(existing),
          },
        });
        // A person moved to another province takes the report along (its history follows by key).
        const changed = await tx.report.updateMany({
          where: { id: existing.id, version: existing.version },
          data: { ...fields, unitId, provinceId, version: { increment: 1 } },
        });
        if (changed.count !== 1) throw new AppError("conflict");
        reportId = existing.id;
        await writeAudit(tx, {
          actorId: user.id,
          action: "report.update",
          entity: "report",
          entityId: reportId,
          before: snapshot(existing),
          after: snapshot(fields),
        });
      } else {
        if (input.version !== null) throw new AppError("conflict");
        const created = await tx.report.create({
          data: { ...fields, reporterId: user.id, unitId, provinceId, channelId: channel.id },
          select: { id: true },
        });
        reportId = created.id;
        await writeAudit(tx, {
          actorId: user.id,
          action: "report.create",
          entity: "report",
          entityId: reportId,
          after: { channelId: channel.id, unitId, ...snapshot(fields) },
        });
      }
      // What it says of who required the channel gathers into reported mandates before it is linked to them.
      await syncReportedMandates(
        tx,
        [
          { unitId, channelId: channel.id },
          ...(existing && existing.unitId !== unitId ? [{ unitId: existing.unitId, channelId: channel.id }] : []),
        ],
        user.id,
      );
      await tx.reportMandate.deleteMany({ where: { reportId } });
      await linkReportsToMandates(tx, { reportIds: [reportId] });
      const result: SavedReport = { reportId, channelName: channel.name };
      await tx.submissionKey.update({ where: { key }, data: { result } });
      return result;
    });
  } catch (error) {
    // The same form sent twice at once: the other request won; answer with what it recorded.
    if ((error as { code?: string }).code === "P2002") {
      const done = await db.submissionKey.findUnique({ where: { key } });
      if (done?.result) return done.result as SavedReport;
      throw new AppError("conflict");
    }
    throw error;
  }
  // The flags this report can change follow at once; a failure here must not lose the saved report.
  await recomputeFlagsForReport(saved.reportId).catch((error: unknown) =>
    console.error("flag recompute after report save failed:", error),
  );
  return saved;
}

/**
 * "No longer required since …": the staff member's report leaves the flags and their current
 * burden; it is kept, with its history, and counts as a clean-up where its mandate was revoked or
 * ended. Reporting the channel again makes it current again.
 */
export async function withdrawMyReport(actor: Actor, input: WithdrawReportInput): Promise<SavedReport> {
  const user = authorizePerson(actor, "report:write");
  if (!user.unitId) throw new AppError("forbidden");
  const db = await getDb();
  const saved = await db.$transaction(async (tx) => {
    const r = await tx.report.findFirst({
      where: { id: input.reportId, reporterId: user.id },
      include: { channel: { select: { name: true } } },
    });
    if (!r) throw new AppError("not_found");
    if (r.version !== input.version) throw new AppError("conflict");
    if (r.installedOn && input.withdrawnOn < r.installedOn)
      throw new AppError("invalid_input", { withdrawnOn: ["before_install"] });
    await tx.reportHistory.create({
      data: { reportId: r.id, provinceId: r.provinceId, version: r.version, snapshot: snapshot(r) },
    });
    const changed = await tx.report.updateMany({
      where: { id: r.id, version: r.version },
      data: { withdrawnOn: input.withdrawnOn, version: { increment: 1 } },
    });
    if (changed.count !== 1) throw new AppError("conflict");
    await writeAudit(tx, {
      actorId: user.id,
      action: "report.withdraw",
      entity: "report",
      entityId: r.id,
      before: snapshot(r),
      after: { withdrawnOn: formatDay(input.withdrawnOn) },
    });
    await syncReportedMandates(tx, [{ unitId: r.unitId, channelId: r.channelId }], user.id);
    return { reportId: r.id, channelName: r.channel.name };
  });
  await recomputeFlagsForReport(saved.reportId).catch((error: unknown) =>
    console.error("flag recompute after report withdrawal failed:", error),
  );
  return saved;
}

type ReportFields = StoredAnswers & { note: string | null; anonymous: boolean; withdrawnOn?: Date | null };

function snapshot(r: ReportFields) {
  return { ...answersOf(r), note: r.note, anonymous: r.anonymous, withdrawnOn: formatDay(r.withdrawnOn ?? null) };
}
