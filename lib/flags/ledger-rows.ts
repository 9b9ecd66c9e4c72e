import "server-only";
import { Prisma } from "@/lib/db/generated/client";
import { readAll, type RawReader } from "@/lib/db/read-all";
import type { LineReader } from "@/lib/db/line-reader";
import { dayNumber } from "@/lib/db/read-lines";
import type { Thresholds } from "@/lib/settings/thresholds.validation";
import { DAY_MS, type ChannelRow, type Ledger, type MandateRow, type ReportRow, type UnitRow } from "./finding";

/*
 * Columns of each table as the detectors read them (table aliased "t", id first), and the rows
 * they become: shared by the whole ledger (load-ledger.ts), a province and the catalogue
 * (recompute-region.ts) and the slice one report can change (load-report-slice.ts).
 */
export const UNIT_COLUMNS = "t.id, t.code, t.name, t.level, t.parent_id, t.path, t.province_id";
export const CHANNEL_COLUMNS =
  "t.id, t.name, t.kind, t.purpose, t.operator_unit_id, t.operator_name, t.platform_id, t.filing";
// Mandates and reports, millions of rows, come as text lines (lib/db/read-lines.ts) of these columns.
export const MANDATE_COLUMNS = [
  "t.id",
  "t.issuer_unit_id",
  "t.target_unit_id",
  "t.channel_id",
  "t.actions",
  "t.assessment_linked",
  "t.ranking",
  "t.quota",
  "t.applies_to_subtree",
  "t.reporters",
];
/**
 * The mandates the detectors judge: active ones, and of those known from staff reports only the
 * ones not rejected by a reviewer and not said already by an imported, declared or confirmed one
 * (which stands above the reports).
 */
export const JUDGED_MANDATES = `t.status = 'active' AND (t.source <> 'reported' OR t.review = 'confirmed' OR (t.review = 'pending' AND NOT EXISTS (
  SELECT 1 FROM mandates o WHERE o.target_unit_id = t.target_unit_id AND o.channel_id = t.channel_id AND o.issuer_unit_id = t.issuer_unit_id
    AND o.status = 'active' AND o.source <> 'reported')))`;
/** Current reports: withdrawn ones are history. */
export const CURRENT_REPORTS = "t.withdrawn_on IS NULL";
export const REPORT_COLUMNS = [
  "t.id",
  "t.reporter_id",
  "t.unit_id",
  "t.channel_id",
  "t.accounts",
  "t.minutes_per_week",
  dayNumber("t.installed_on"),
  dayNumber("t.last_used_on"),
  "t.only_for_figures",
];

export const toUnit = ([id, code, name, level, parentId, path, provinceId]: unknown[]): UnitRow =>
  ({ id, code, name, level, parentId, path, provinceId }) as UnitRow;
export const toChannel = (
  [id, name, kind, purpose, operatorUnitId, operatorName, platformId, filing]: unknown[],
  aliases: string[],
): ChannelRow => ({ id, name, kind, purpose, operatorUnitId, operatorName, platformId, filing, aliases }) as ChannelRow;

/*
 * Row makers for one read. Rows share their action lists and dates (a dozen distinct lists and a
 * few thousand days among millions of rows): detectors only read them.
 */
export function mandateParser(): (line: LineReader) => MandateRow {
  const actionLists = new Map<string, string[]>();
  return (line) => {
    const id = line.int()!;
    const issuerUnitId = line.int()!;
    const targetUnitId = line.int()!;
    const channelId = line.int()!;
    const actions = line.word();
    let list = actionLists.get(actions);
    if (!list) actionLists.set(actions, (list = actions.length > 2 ? actions.slice(1, -1).split(",") : []));
    const assessmentLinked = line.bool();
    const ranking = line.bool();
    const quota = line.int();
    const subtree = line.bool();
    // Imported and declared mandates count no reporters; a confirmed reported one keeps its count.
    return {
      id,
      issuerUnitId,
      targetUnitId,
      channelId,
      actions: list,
      assessmentLinked,
      ranking,
      quota,
      subtree,
      reporters: line.int() ?? 0,
    };
  };
}

export function reportParser(): (line: LineReader) => ReportRow {
  const days = new Map<number, Date>();
  const day = (n: number | null) => {
    if (n === null) return null;
    let d = days.get(n);
    if (!d) days.set(n, (d = new Date(n * DAY_MS)));
    return d;
  };
  return (line) => ({
    id: line.int()!,
    reporterId: line.int()!,
    unitId: line.int()!,
    channelId: line.int()!,
    accounts: line.int()!,
    minutesPerWeek: line.int()!,
    installedOn: day(line.int()),
    lastUsedOn: day(line.int()),
    onlyForFigures: line.bool(),
  });
}

/** The active channels by id, with their aliases when asked for (only duplicate channels read them). */
export async function readActiveChannels(db: RawReader, withAliases: boolean): Promise<Map<number, ChannelRow>> {
  const [channels, aliases] = await Promise.all([
    readAll(db, CHANNEL_COLUMNS, Prisma.sql`FROM channels t WHERE t.status = 'active'`),
    withAliases ? readAll(db, "t.id, t.channel_id, t.alias", Prisma.sql`FROM channel_aliases t WHERE true`) : [],
  ]);
  const aliasesOf = new Map<number, string[]>();
  for (const [, channelId, alias] of aliases as [number, number, string][]) {
    const list = aliasesOf.get(channelId);
    if (list) list.push(alias);
    else aliasesOf.set(channelId, [alias]);
  }
  return new Map(channels.map((c) => [c[0] as number, toChannel(c, aliasesOf.get(c[0] as number) ?? [])]));
}

/** A ledger from the rows one reader read: units by id, and only the mandates of active channels. */
export function ledgerOf(
  today: Date,
  thresholds: Thresholds,
  rows: { units: unknown[][]; channels: Map<number, ChannelRow>; mandates: MandateRow[]; reports: ReportRow[] },
): Ledger {
  return {
    today,
    thresholds,
    units: new Map(rows.units.map((u) => [u[0] as number, toUnit(u)])),
    channels: rows.channels,
    mandates: rows.mandates.filter((m) => rows.channels.has(m.channelId)),
    reports: rows.reports,
  };
}
