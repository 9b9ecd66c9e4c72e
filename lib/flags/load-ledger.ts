import "server-only";
import type { PrismaClient } from "@/lib/db/generated/client";
import { getThresholds } from "@/lib/settings/thresholds";
import type { Ledger } from "./finding";

/** The ledger as the detectors read it, in id order so that evidence is the same on every run. */
export async function loadLedger(db: PrismaClient, today = new Date()): Promise<Ledger> {
  const [units, channels, mandates, reports, { values }] = await Promise.all([
    db.unit.findMany({ orderBy: { id: "asc" }, select: { id: true, code: true, name: true, level: true, parentId: true, path: true } }),
    db.channel.findMany({
      where: { status: "active" },
      orderBy: { id: "asc" },
      select: { id: true, name: true, kind: true, purpose: true, operatorUnitId: true, operatorName: true, platformId: true, filing: true, aliases: { select: { alias: true } } },
    }),
    db.mandate.findMany({
      where: { status: "active", channel: { status: "active" } },
      orderBy: { id: "asc" },
      select: { id: true, issuerUnitId: true, targetUnitId: true, channelId: true, actions: true, assessmentLinked: true, ranking: true, quota: true, document: true },
    }),
    db.report.findMany({ orderBy: { id: "asc" }, select: { id: true, reporterId: true, unitId: true, channelId: true, accounts: true, minutesPerWeek: true, installedOn: true, lastUsedOn: true, onlyForFigures: true } }),
    getThresholds(),
  ]);
  return {
    today,
    thresholds: values,
    units: new Map(units.map((u) => [u.id, u])),
    channels: new Map(channels.map((c) => [c.id, { ...c, aliases: c.aliases.map((a) => a.alias) }])),
    mandates,
    reports,
  };
}
