import "server-only";
import { getDb } from "@/lib/db/client";
import { getThresholds } from "@/lib/settings/thresholds";
import type { Ledger } from "./finding";
import { readFlagStates } from "./flag-states";
import { loadReportSlice } from "./load-report-slice";
import {
  duplicateMandate,
  forcedOnResidents,
  mandatePolicyConflict,
  mandateSubjects,
  overlappingFunction,
} from "./kinds/mandate-kinds";
import { oneOff, overload, usageSubjects, zombie } from "./kinds/usage-kinds";
import { provincesOfUnits, saveFindings, type RecomputeSummary } from "./save-findings";

/**
 * After one self-report is saved, recompute only what it can change: the zombie and one-off flags
 * of its unit and channel, its reporter's and its unit's overload, and the mandate flags of its
 * unit and channel or purpose (whose burden is the time its staff report). Reads a slice of the
 * ledger, not all of it; findings outside the slice's scope are dropped, since a slice cannot
 * judge them.
 */
export async function recomputeFlagsForReport(reportId: number, today = new Date()): Promise<RecomputeSummary | null> {
  const db = await getDb();
  const [{ values }, loaded] = await Promise.all([getThresholds(), loadReportSlice(db, reportId)]);
  if (!loaded) return null;
  const {
    report: { unitId, channelId, reporterId },
    atUnit,
    sameReporter,
    mandates,
    mandateIdsHere,
    units,
    channels,
  } = loaded;
  const sameChannel = atUnit.filter((r) => r.channelId === channelId);
  const slice: Ledger = {
    today,
    thresholds: values,
    units: new Map(units.map((u) => [u.id, u])),
    channels: new Map(channels.map((c) => [c.id, c])),
    mandates,
    reports: atUnit,
  };
  // The report's own reporter too: a withdrawn report is no longer among the current ones, and its flags must resolve.
  const reporters = [...new Set([reporterId, ...sameChannel.map((r) => r.reporterId)])];
  const purpose = channels.find((c) => c.id === channelId)?.purpose;
  // Exact keys, so the unique index finds them (a prefix match would scan every flag). A report
  // reaches the unit's mandate flags only through their burden (minutes at the unit and this
  // channel, or at its purpose), so only the flags of its channel and purpose are judged again.
  // The keys come from the kinds' own declarations (usageSubjects, mandateSubjects), as the full recompute's do.
  const keys = new Set([
    usageSubjects.zombie(unitId, channelId),
    usageSubjects.personOverload(reporterId),
    usageSubjects.unitOverload(unitId),
    ...reporters.flatMap((r) => [
      usageSubjects.zombieOf(unitId, channelId, r),
      usageSubjects.oneOff(unitId, channelId, r),
    ]),
    mandateSubjects.duplicate(unitId, channelId),
    ...[...mandates.filter((m) => m.channelId === channelId).map((m) => m.id), ...mandateIdsHere].flatMap((id) => [
      mandateSubjects.forced(id),
      mandateSubjects.policyConflict(id),
    ]),
    ...(purpose ? [mandateSubjects.overlapping(unitId, purpose)] : []),
  ]);
  const only = (key: string) => (f: { subjectKey: string }) => f.subjectKey === key;
  const findings = [
    ...zombie.detect({ ...slice, reports: sameChannel }),
    ...oneOff.detect({ ...slice, reports: sameChannel }),
    ...[...overload.detect({ ...slice, reports: sameReporter, mandates: [] })].filter(
      only(usageSubjects.personOverload(reporterId)),
    ),
    ...[...overload.detect(slice)].filter(only(usageSubjects.unitOverload(unitId))),
    ...[duplicateMandate, overlappingFunction, forcedOnResidents, mandatePolicyConflict].flatMap((d) => [
      ...d.detect(slice),
    ]),
  ].filter((f) => keys.has(f.subjectKey));
  return db.$transaction(async (tx) => {
    // The first recompute of a large ledger holds the flags table while it rebuilds its indexes
    // (setAsideIndexes): rather than keep the person waiting, give up; that recompute judges
    // again the reports saved while it ran.
    await tx.$executeRaw`SET LOCAL lock_timeout = '3s'`;
    const states = await readFlagStates(tx, { keys: [...keys] });
    return saveFindings(tx, findings, states, provincesOfUnits(slice.units), today);
  });
}
