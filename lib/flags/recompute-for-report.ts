import "server-only";
import { getDb } from "@/lib/db/client";
import { getThresholds } from "@/lib/settings/thresholds";
import type { Ledger } from "./finding";
import { oneOff, overload, zombie } from "./kinds/usage-kinds";
import { saveFindings, type RecomputeSummary } from "./save-findings";

/**
 * After one self-report is saved, recompute only what it can change: the zombie and one-off flags
 * of its unit and channel, and its reporter's overload. Reads a slice of the ledger, not all of it.
 */
export async function recomputeFlagsForReport(reportId: number, today = new Date()): Promise<RecomputeSummary | null> {
  const db = await getDb();
  const report = await db.report.findUnique({ where: { id: reportId }, select: { unitId: true, channelId: true, reporterId: true } });
  if (!report) return null;
  const { unitId, channelId, reporterId } = report;
  const reportSelect = { id: true, reporterId: true, unitId: true, channelId: true, accounts: true, minutesPerWeek: true, installedOn: true, lastUsedOn: true, onlyForFigures: true } as const;
  const [{ values }, sameChannel, sameReporter] = await Promise.all([
    getThresholds(),
    db.report.findMany({ where: { unitId, channelId }, orderBy: { id: "asc" }, select: reportSelect }),
    db.report.findMany({ where: { reporterId }, orderBy: { id: "asc" }, select: reportSelect }),
  ]);
  const channelIds = [...new Set([channelId, ...sameReporter.map((r) => r.channelId)])];
  const [units, channels] = await Promise.all([
    db.unit.findMany({ orderBy: { id: "asc" }, where: { id: { in: [...new Set([unitId, ...sameReporter.map((r) => r.unitId)])] } }, select: { id: true, code: true, name: true, level: true, parentId: true, path: true } }),
    db.channel.findMany({ where: { id: { in: channelIds }, status: "active" }, orderBy: { id: "asc" }, select: { id: true, name: true, kind: true, purpose: true, operatorUnitId: true, operatorName: true, platformId: true, filing: true } }),
  ]);
  const slice: Ledger = {
    today,
    thresholds: values,
    units: new Map(units.map((u) => [u.id, u])),
    channels: new Map(channels.map((c) => [c.id, { ...c, aliases: [] }])),
    mandates: [],
    reports: sameChannel,
  };
  const findings = [
    ...zombie.detect(slice),
    ...oneOff.detect({ ...slice, reports: sameChannel }),
    ...overload.detect({ ...slice, reports: sameReporter }),
  ];
  // Exact keys, so the unique index finds them (a prefix match would scan every flag).
  const reporters = [...new Set(sameChannel.map((r) => r.reporterId))];
  const scope = {
    subjectKey: {
      in: [
        `zombie:${unitId}:${channelId}`,
        `overload:person:${reporterId}`,
        ...reporters.flatMap((r) => [`zombie:${unitId}:${channelId}:${r}`, `one_off:${unitId}:${channelId}:${r}`]),
      ],
    },
  };
  return db.$transaction((tx) => saveFindings(tx, findings, scope, today));
}
