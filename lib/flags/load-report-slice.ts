import "server-only";
import { Prisma } from "@/lib/db/generated/client";
import type { RawReader } from "@/lib/db/read-all";
import { lineOf, parseLines } from "@/lib/db/read-lines";
import type { ChannelRow, MandateRow, ReportRow, UnitRow } from "./finding";
import * as ledgerRows from "./ledger-rows";

export type ReportSlice = {
  report: { unitId: number; channelId: number; reporterId: number };
  /** Reports at the report's unit, and every report of its reporter. */
  atUnit: ReportRow[];
  sameReporter: ReportRow[];
  /** Judged mandates of active channels that bind the unit (aimed at it, or at its subtree). */
  mandates: MandateRow[];
  /** Every mandate on the report's unit and channel, judged or not (one just ended or rejected has flags to resolve). */
  mandateIdsHere: number[];
  /** The units and active channels those rows name. */
  units: UnitRow[];
  channels: ChannelRow[];
};

const rows = (columns: string) => Prisma.raw(`coalesce(json_agg(json_build_array(${columns}) ORDER BY t.id), '[]')`);
// Mandates and reports as the whole ledger reads them: lines, made into rows by the same parsers.
const lines = (columns: readonly string[]) =>
  Prisma.raw(`coalesce(string_agg(${lineOf(columns)}, E'\n' ORDER BY t.id), '')`);

/**
 * The part of the ledger one report's flags depend on, in one statement: the recompute after a
 * saved report runs while the person waits, and each round trip to the database costs about as
 * much as judging the slice. Rows in id order, as in the whole ledger, so findings are the same.
 */
export async function loadReportSlice(db: RawReader, reportId: number): Promise<ReportSlice | null> {
  const current = Prisma.raw(ledgerRows.CURRENT_REPORTS);
  const judged = Prisma.raw(ledgerRows.JUDGED_MANDATES);
  const [row] = await db.$queryRaw<[{ slice: string | null }]>(Prisma.sql`
    WITH r AS (SELECT unit_id, channel_id, reporter_id FROM reports WHERE id = ${reportId}),
    at_unit AS (SELECT t.* FROM reports t JOIN r ON t.unit_id = r.unit_id WHERE ${current}),
    same_reporter AS (SELECT t.* FROM reports t JOIN r ON t.reporter_id = r.reporter_id WHERE ${current}),
    -- The unit and the units above it (from its path), so that mandates are found by the index on their target.
    chain AS (SELECT string_to_array(trim(both '/' from u.path), '/')::int[] AS ids FROM units u JOIN r ON u.id = r.unit_id),
    mandates_at AS (
      SELECT t.* FROM mandates t JOIN channels c ON c.id = t.channel_id
      WHERE ${judged} AND c.status = 'active'
        AND t.target_unit_id IN (SELECT unnest(ids) FROM chain)
        AND (t.target_unit_id = (SELECT unit_id FROM r) OR t.applies_to_subtree)
    )
    SELECT json_build_object(
      'report', (SELECT json_build_array(unit_id, channel_id, reporter_id) FROM r),
      'atUnit', (SELECT ${lines(ledgerRows.REPORT_COLUMNS)} FROM at_unit t),
      'sameReporter', (SELECT ${lines(ledgerRows.REPORT_COLUMNS)} FROM same_reporter t),
      'mandates', (SELECT ${lines(ledgerRows.MANDATE_COLUMNS)} FROM mandates_at t),
      'mandateIdsHere', (SELECT coalesce(json_agg(m.id ORDER BY m.id), '[]') FROM mandates m JOIN r ON m.target_unit_id = r.unit_id AND m.channel_id = r.channel_id),
      'units', (SELECT ${rows(ledgerRows.UNIT_COLUMNS)} FROM units t WHERE t.id IN (
        SELECT unit_id FROM r UNION SELECT unit_id FROM same_reporter UNION SELECT issuer_unit_id FROM mandates_at UNION SELECT target_unit_id FROM mandates_at)),
      'channels', (SELECT ${rows(ledgerRows.CHANNEL_COLUMNS)} FROM channels t WHERE t.status = 'active' AND t.id IN (
        SELECT channel_id FROM r UNION SELECT channel_id FROM same_reporter UNION SELECT channel_id FROM mandates_at))
    )::text AS slice
    WHERE EXISTS (SELECT 1 FROM r)`);
  if (!row?.slice) return null;
  const s = JSON.parse(row.slice) as Record<"units" | "channels", unknown[][]> &
    Record<"atUnit" | "sameReporter" | "mandates", string> & {
      report: [number, number, number];
      mandateIdsHere: number[];
    };
  const toReport = ledgerRows.reportParser();
  const [unitId, channelId, reporterId] = s.report;
  return {
    report: { unitId, channelId, reporterId },
    atUnit: parseLines(s.atUnit, toReport),
    sameReporter: parseLines(s.sameReporter, toReport),
    mandates: parseLines(s.mandates, ledgerRows.mandateParser()),
    mandateIdsHere: s.mandateIdsHere,
    units: s.units.map(ledgerRows.toUnit),
    // Aliases only matter to duplicate channels, which a report cannot change.
    channels: s.channels.map((c) => ledgerRows.toChannel(c, [])),
  };
}
