import "server-only";
import { Prisma } from "@/lib/db/generated/client";
import type { RawReader } from "@/lib/db/read-all";
import { lineOf, parseLines } from "@/lib/db/read-lines";
import type { ChannelRow, MandateRow, ReportRow, UnitRow } from "./finding";
import { CHANNEL_COLUMNS, MANDATE_COLUMNS, REPORT_COLUMNS, UNIT_COLUMNS, mandateParser, reportParser, toChannel, toUnit } from "./load-ledger";

export type ReportSlice = {
  report: { unitId: number; channelId: number; reporterId: number };
  /** Reports at the report's unit, and every report of its reporter. */
  atUnit: ReportRow[];
  sameReporter: ReportRow[];
  /** Active mandates of active channels that target the unit. */
  mandates: MandateRow[];
  /** The units and active channels those rows name. */
  units: UnitRow[];
  channels: ChannelRow[];
};

const rows = (columns: string) => Prisma.raw(`coalesce(json_agg(json_build_array(${columns}) ORDER BY t.id), '[]')`);
// Mandates and reports as the whole ledger reads them: lines, made into rows by the same parsers.
const lines = (columns: readonly string[]) => Prisma.raw(`coalesce(string_agg(${lineOf(columns)}, E'\n' ORDER BY t.id), '')`);

/**
 * The part of the ledger one report's flags depend on, in one statement: the recompute after a
 * saved report runs while the person waits, and each round trip to the database costs about as
 * much as judging the slice. Rows in id order, as in the whole ledger, so findings are the same.
 */
export async function loadReportSlice(db: RawReader, reportId: number): Promise<ReportSlice | null> {
  const [row] = await db.$queryRaw<[{ slice: string | null }]>(Prisma.sql`
    WITH r AS (SELECT unit_id, channel_id, reporter_id FROM reports WHERE id = ${reportId}),
    at_unit AS (SELECT t.* FROM reports t JOIN r ON t.unit_id = r.unit_id),
    same_reporter AS (SELECT t.* FROM reports t JOIN r ON t.reporter_id = r.reporter_id),
    mandates_at AS (
      SELECT t.* FROM mandates t JOIN r ON t.target_unit_id = r.unit_id JOIN channels c ON c.id = t.channel_id
      WHERE t.status = 'active' AND c.status = 'active'
    )
    SELECT json_build_object(
      'report', (SELECT json_build_array(unit_id, channel_id, reporter_id) FROM r),
      'atUnit', (SELECT ${lines(REPORT_COLUMNS)} FROM at_unit t),
      'sameReporter', (SELECT ${lines(REPORT_COLUMNS)} FROM same_reporter t),
      'mandates', (SELECT ${lines(MANDATE_COLUMNS)} FROM mandates_at t),
      'units', (SELECT ${rows(UNIT_COLUMNS)} FROM units t WHERE t.id IN (
        SELECT unit_id FROM r UNION SELECT unit_id FROM same_reporter UNION SELECT issuer_unit_id FROM mandates_at)),
      'channels', (SELECT ${rows(CHANNEL_COLUMNS)} FROM channels t WHERE t.status = 'active' AND t.id IN (
        SELECT channel_id FROM r UNION SELECT channel_id FROM same_reporter UNION SELECT channel_id FROM mandates_at))
    )::text AS slice
    WHERE EXISTS (SELECT 1 FROM r)`);
  if (!row?.slice) return null;
  const s = JSON.parse(row.slice) as Record<"units" | "channels", unknown[][]> & Record<"atUnit" | "sameReporter" | "mandates", string> & { report: [number, number, number] };
  const toReport = reportParser();
  const [unitId, channelId, reporterId] = s.report;
  return {
    report: { unitId, channelId, reporterId },
    atUnit: parseLines(s.atUnit, toReport),
    sameReporter: parseLines(s.sameReporter, toReport),
    mandates: parseLines(s.mandates, mandateParser()),
    units: s.units.map(toUnit),
    // Aliases only matter to duplicate channels, which a report cannot change.
    channels: s.channels.map((c) => toChannel(c, [])),
  };
}
