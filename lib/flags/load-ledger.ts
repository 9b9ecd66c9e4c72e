import "server-only";
import { Prisma } from "@/lib/db/generated/client";
import { readAll, type RawReader } from "@/lib/db/read-all";
import { getThresholds } from "@/lib/settings/thresholds";
import type { ChannelRow, Ledger, MandateRow, ReportRow, UnitRow } from "./finding";

const day = (v: unknown) => (v == null ? null : new Date(`${v as string}T00:00:00Z`));

/** The ledger as the detectors read it, in id order so that evidence is the same on every run. */
export async function loadLedger(db: RawReader, today = new Date()): Promise<Ledger> {
  const [units, channels, aliases, mandates, reports, { values }] = await Promise.all([
    readAll(db, "t.id, t.code, t.name, t.level, t.parent_id, t.path", Prisma.sql`FROM units t WHERE true`),
    readAll(db, "t.id, t.name, t.kind, t.purpose, t.operator_unit_id, t.operator_name, t.platform_id, t.filing", Prisma.sql`FROM channels t WHERE t.status = 'active'`),
    readAll(db, "t.id, t.channel_id, t.alias", Prisma.sql`FROM channel_aliases t WHERE true`),
    readAll(
      db,
      "t.id, t.issuer_unit_id, t.target_unit_id, t.channel_id, t.actions, t.assessment_linked, t.ranking, t.quota, t.document",
      // Mandates of retired or merged channels are dropped below (a join here was planned badly before ANALYZE).
      Prisma.sql`FROM mandates t WHERE t.status = 'active'`,
    ),
    readAll(
      db,
      "t.id, t.reporter_id, t.unit_id, t.channel_id, t.accounts, t.minutes_per_week, t.installed_on, t.last_used_on, t.only_for_figures",
      Prisma.sql`FROM reports t WHERE true`,
    ),
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
    units: new Map(
      (units as [number, string, string, string, number | null, string][]).map(([id, code, name, level, parentId, path]): [number, UnitRow] => [id, { id, code, name, level, parentId, path }]),
    ),
    channels: new Map(
      (channels as [number, string, string, string, number | null, string | null, string | null, string | null][]).map(
        ([id, name, kind, purpose, operatorUnitId, operatorName, platformId, filing]): [number, ChannelRow] => [
          id,
          { id, name, kind, purpose, operatorUnitId, operatorName, platformId, filing, aliases: aliasesOf.get(id) ?? [] },
        ],
      ),
    ),
    mandates: (mandates as [number, number, number, number, string[], boolean, boolean, number | null, string | null][]).filter((m) => activeChannels.has(m[3])).map(
      ([id, issuerUnitId, targetUnitId, channelId, actions, assessmentLinked, ranking, quota, document]): MandateRow => ({ id, issuerUnitId, targetUnitId, channelId, actions, assessmentLinked, ranking, quota, document }),
    ),
    reports: (reports as [number, number, number, number, number, number, string | null, string | null, boolean][]).map(
      ([id, reporterId, unitId, channelId, accounts, minutesPerWeek, installedOn, lastUsedOn, onlyForFigures]): ReportRow => ({
        id, reporterId, unitId, channelId, accounts, minutesPerWeek, installedOn: day(installedOn), lastUsedOn: day(lastUsedOn), onlyForFigures,
      }),
    ),
  };
}
