import "server-only";
import { getDb } from "@/lib/db/client";
import { getThresholds } from "@/lib/settings/thresholds";
import type { Ledger } from "./finding";
import { duplicateMandate, forcedOnResidents, mandatePolicyConflict, overlappingFunction } from "./kinds/mandate-kinds";
import { oneOff, overload, zombie } from "./kinds/usage-kinds";
import { saveFindings, type RecomputeSummary } from "./save-findings";

const reportSelect = { id: true, reporterId: true, unitId: true, channelId: true, accounts: true, minutesPerWeek: true, installedOn: true, lastUsedOn: true, onlyForFigures: true } as const;
const mandateSelect = { id: true, issuerUnitId: true, targetUnitId: true, channelId: true, actions: true, assessmentLinked: true, ranking: true, quota: true, document: true } as const;

/**
 * After one self-report is saved, recompute only what it can change: the zombie and one-off flags
 * of its unit and channel, its reporter's overload, and the unit's mandate flags (whose burden is
 * the time its staff report). Reads a slice of the ledger, not all of it; findings outside the
 * slice's scope are dropped, since a slice cannot judge them.
 */
export async function recomputeFlagsForReport(reportId: number, today = new Date()): Promise<RecomputeSummary | null> {
  const db = await getDb();
  const report = await db.report.findUnique({ where: { id: reportId }, select: { unitId: true, channelId: true, reporterId: true } });
  if (!report) return null;
  const { unitId, channelId, reporterId } = report;
  const [{ values }, atUnit, sameReporter, mandates] = await Promise.all([
    getThresholds(),
    db.report.findMany({ where: { unitId }, orderBy: { id: "asc" }, select: reportSelect }),
    db.report.findMany({ where: { reporterId }, orderBy: { id: "asc" }, select: reportSelect }),
    db.mandate.findMany({ where: { targetUnitId: unitId, status: "active", channel: { status: "active" } }, orderBy: { id: "asc" }, select: mandateSelect }),
  ]);
  const sameChannel = atUnit.filter((r) => r.channelId === channelId);
  const channelIds = [...new Set([channelId, ...sameReporter.map((r) => r.channelId), ...mandates.map((m) => m.channelId)])];
  const unitIds = [...new Set([unitId, ...sameReporter.map((r) => r.unitId), ...mandates.map((m) => m.issuerUnitId)])];
  const [units, channels] = await Promise.all([
    db.unit.findMany({ orderBy: { id: "asc" }, where: { id: { in: unitIds } }, select: { id: true, code: true, name: true, level: true, parentId: true, path: true } }),
    db.channel.findMany({ where: { id: { in: channelIds }, status: "active" }, orderBy: { id: "asc" }, select: { id: true, name: true, kind: true, purpose: true, operatorUnitId: true, operatorName: true, platformId: true, filing: true } }),
  ]);
  const slice: Ledger = {
    today,
    thresholds: values,
    units: new Map(units.map((u) => [u.id, u])),
    channels: new Map(channels.map((c) => [c.id, { ...c, aliases: [] }])),
    mandates,
    reports: atUnit,
  };
  const reporters = [...new Set(sameChannel.map((r) => r.reporterId))];
  // Exact keys, so the unique index finds them (a prefix match would scan every flag).
  const keys = new Set([
    `zombie:${unitId}:${channelId}`,
    `overload:person:${reporterId}`,
    `overload:unit:${unitId}`,
    ...reporters.flatMap((r) => [`zombie:${unitId}:${channelId}:${r}`, `one_off:${unitId}:${channelId}:${r}`]),
    ...mandates.flatMap((m) => [`duplicate_mandate:${unitId}:${m.channelId}`, `forced_on_residents:${m.id}`, `policy_conflict:mandate:${m.id}`]),
    ...channels.map((c) => `overlapping_function:${unitId}:${c.purpose}`),
  ]);
  const only = (key: string) => (f: { subjectKey: string }) => f.subjectKey === key;
  const findings = [
    ...zombie.detect({ ...slice, reports: sameChannel }),
    ...oneOff.detect({ ...slice, reports: sameChannel }),
    ...overload.detect({ ...slice, reports: sameReporter, mandates: [] }).filter(only(`overload:person:${reporterId}`)),
    ...overload.detect(slice).filter(only(`overload:unit:${unitId}`)),
    ...[duplicateMandate, overlappingFunction, forcedOnResidents, mandatePolicyConflict].flatMap((d) => d.detect(slice)),
  ].filter((f) => keys.has(f.subjectKey));
  return db.$transaction((tx) => saveFindings(tx, findings, { subjectKey: { in: [...keys] } }, today));
}
