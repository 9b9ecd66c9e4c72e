import "server-only";
import { Prisma } from "@/lib/db/generated/client";
import { readAll, type RawReader } from "@/lib/db/read-all";
import { getThresholds } from "@/lib/settings/thresholds";
import type { ChannelRow, Ledger, MandateRow, ReportRow, UnitRow } from "./finding";

const day = (v: unknown) => (v == null ? null : new Date(`${v as string}T00:00:00Z`));

/*
 * Columns of each table as the detectors read them (table aliased "t", id first), and the rows
 * they become: shared by the whole ledger (below) and the slice one report can change.
 */
export const UNIT_COLUMNS = "t.id, t.code, t.name, t.level, t.parent_id, t.path";
export const CHANNEL_COLUMNS = "t.id, t.name, t.kind, t.purpose, t.operator_unit_id, t.operator_name, t.platform_id, t.filing";
export const MANDATE_COLUMNS = "t.id, t.issuer_unit_id, t.target_unit_id, t.channel_id, t.actions, t.assessment_linked, t.ranking, t.quota, t.document";
export const REPORT_COLUMNS = "t.id, t.reporter_id, t.unit_id, t.channel_id, t.accounts, t.minutes_per_week, t.installed_on, t.last_used_on, t.only_for_figures";

export const toUnit = ([id, code, name, level, parentId, path]: unknown[]): UnitRow => ({ id, code, name, level, parentId, path }) as UnitRow;
export const toChannel = ([id, name, kind, purpose, operatorUnitId, operatorName, platformId, filing]: unknown[], aliases: string[]): ChannelRow =>
  ({ id, name, kind, purpose, operatorUnitId, operatorName, platformId, filing, aliases }) as ChannelRow;
export const toMandate = ([id, issuerUnitId, targetUnitId, channelId, actions, assessmentLinked, ranking, quota, document]: unknown[]): MandateRow =>
  ({ id, issuerUnitId, targetUnitId, channelId, actions, assessmentLinked, ranking, quota, document }) as MandateRow;
export const toReport = ([id, reporterId, unitId, channelId, accounts, minutesPerWeek, installedOn, lastUsedOn, onlyForFigures]: unknown[]): ReportRow =>
  ({ id, reporterId, unitId, channelId, accounts, minutesPerWeek, installedOn: day(installedOn), lastUsedOn: day(lastUsedOn), onlyForFigures }) as ReportRow;

/** The ledger as the detectors read it, in id order so that evidence is the same on every run. */
export async function loadLedger(db: RawReader, today = new Date()): Promise<Ledger> {
  const [units, channels, aliases, mandates, reports, { values }] = await Promise.all([
    readAll(db, UNIT_COLUMNS, Prisma.sql`FROM units t WHERE true`),
    readAll(db, CHANNEL_COLUMNS, Prisma.sql`FROM channels t WHERE t.status = 'active'`),
    readAll(db, "t.id, t.channel_id, t.alias", Prisma.sql`FROM channel_aliases t WHERE true`),
    // Mandates of retired or merged channels are dropped below (a join here was planned badly before ANALYZE).
    readAll(db, MANDATE_COLUMNS, Prisma.sql`FROM mandates t WHERE t.status = 'active'`),
    readAll(db, REPORT_COLUMNS, Prisma.sql`FROM reports t WHERE true`),
    getThresholds(),
  ]);
  const activeChannels = new Set(channels.map((c) => c[0] as number));
  const aliasesOf = new Map<number, string[]>();
  for (const [, channelId, alias] of aliases as [number, number, string][]) {
    const list = aliasesOf.get(channelId);
    if (list) list.push(alias);
    else aliasesOf.set(channelId, [alias]);
  }
  return {
    today,
    thresholds: values,
    units: new Map(units.map((u) => [u[0] as number, toUnit(u)])),
    channels: new Map(channels.map((c) => [c[0] as number, toChannel(c, aliasesOf.get(c[0] as number) ?? [])])),
    mandates: mandates.filter((m) => activeChannels.has(m[3] as number)).map(toMandate),
    reports: reports.map(toReport),
  };
}
