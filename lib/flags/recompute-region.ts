import "server-only";
import { Prisma } from "@/lib/db/generated/client";
import type { PrismaClient } from "@/lib/db/generated/client";
import { getDb } from "@/lib/db/client";
import { readAll, type RawReader } from "@/lib/db/read-all";
import { readLines } from "@/lib/db/read-lines";
import { rawTransaction } from "@/lib/db/raw-transaction";
import { loadProductIndex } from "@/lib/channels/known-products-store";
import { getThresholds } from "@/lib/settings/thresholds";
import { CATALOGUE_PROVINCE } from "@/lib/units/province";
import type { Ledger, ReportRow } from "./finding";
import { readFlagStates } from "./flag-states";
import * as rows from "./ledger-rows";
import { CATALOGUE_DETECTORS, CATALOGUE_FLAGS, PROVINCE_DETECTORS } from "./registry";
import { FlagJudge, provincesOfUnits, resolveGone, type RecomputeSummary } from "./save-findings";

/**
 * A one-pass recompute holds it alone; the jobs of a recompute by region share it, each also
 * holding its region's own lock (two workers never write one region at once).
 */
export const RECOMPUTE_LOCK = 7_270_401;

/**
 * A region of a recompute by region: a province (its id), or CATALOGUE_PROVINCE for the findings
 * about the national catalogue alone (duplicate channels, channels' policy conflicts).
 */
export type Region = number;

/** What one region wrote, and its live flags not found again (resolved once all regions are done). */
export type RegionResult = RecomputeSummary & { gone: number[] };

/** The regions of the ledger: each province that holds units, and the catalogue. */
export async function listRegions(db: RawReader): Promise<Region[]> {
  const provinces = await db.$queryRaw<{ p: number }[]>(
    Prisma.sql`SELECT DISTINCT province_id AS p FROM units WHERE province_id IS NOT NULL ORDER BY 1`,
  );
  return [CATALOGUE_PROVINCE, ...provinces.map((r) => r.p)];
}

/**
 * Recomputes the flags of one region from that region's part of the ledger, in its own
 * transaction: what any worker does with one job of a recompute by region. The same findings as
 * the one-pass recompute (lib/flags/recompute-flags.ts), because every finding but the catalogue's
 * is about one unit, one mandate on it or one person, and depends only on the rows of its province
 * and on the mandates of the units above it (a test compares both).
 */
export async function recomputeRegion(
  region: Region,
  today: Date,
  at: Date,
  /** Flags were stored before this recompute: a new finding's flag may be in another region. */
  flagsBefore = true,
): Promise<RegionResult> {
  const db = await getDb();
  const catalogue = region === CATALOGUE_PROVINCE;
  const scope = catalogue
    ? Prisma.raw(CATALOGUE_FLAGS)
    : Prisma.sql`province_id = ${region} AND NOT ${Prisma.raw(CATALOGUE_FLAGS)}`;
  const [ledger, existing] = await Promise.all([
    catalogue ? loadCatalogue(db, today) : loadProvince(db, region, today),
    readFlagStates(db, { where: scope }),
  ]);
  const provinceOf = provincesOfUnits(ledger.units);
  // In a first recompute no flag is stored anywhere, and a finding lies in one region only: nothing to look up.
  const elsewhere =
    catalogue || !flagsBefore ? undefined : Prisma.sql`province_id <> ${region} AND NOT ${Prisma.raw(CATALOGUE_FLAGS)}`;
  return rawTransaction(async (tx) => {
    await tx.$executeRaw(Prisma.sql`SELECT pg_advisory_xact_lock_shared(${RECOMPUTE_LOCK})`);
    await tx.$executeRaw(Prisma.sql`SELECT pg_advisory_xact_lock(${RECOMPUTE_LOCK}, ${region})`);
    const judge = new FlagJudge(existing, provinceOf, at, elsewhere);
    for (const d of catalogue ? CATALOGUE_DETECTORS : PROVINCE_DETECTORS)
      for (const f of d.detect(ledger)) {
        // The units above the province and the issuers of its mandates are read to judge it; their own findings are their province's.
        if (!catalogue && provinceOf(f.unitId) !== region) continue;
        if (judge.judge(f)) await judge.flush(tx);
      }
    return { ...(await judge.writeFound(tx)), gone: judge.notFound() };
  });
}

/**
 * One province's part of the ledger: its units, reports and the mandates aimed at it; the
 * mandates of the units above it that bind their whole subtree; the mandates its units issue
 * elsewhere (an issuer's overload counts them); and the units all of those name.
 */
async function loadProvince(db: PrismaClient, province: number, today: Date): Promise<Ledger> {
  const above = Prisma.sql`(SELECT unnest(string_to_array(trim(both '/' from p.path), '/')::int[]) FROM units p WHERE p.id = ${province})`;
  const judged = Prisma.raw(rows.JUDGED_MANDATES);
  const mandatesWhere = (where: Prisma.Sql) =>
    readLines(db, rows.MANDATE_COLUMNS, Prisma.sql`FROM mandates t WHERE ${judged} AND ${where}`, rows.mandateParser());
  // Three reads, each by its own index, rather than one OR that would read every province's mandates.
  const [own, fromAbove, issuedElsewhere, reports, channels, { values }] = await Promise.all([
    mandatesWhere(Prisma.sql`t.province_id = ${province}`),
    mandatesWhere(Prisma.sql`t.province_id <> ${province} AND t.applies_to_subtree AND t.target_unit_id IN ${above}`),
    // An array, not IN (subquery): the planner then looks each issuer up by index (0.03 s, not 0.4 s, in 2 million mandates).
    mandatesWhere(
      Prisma.sql`t.province_id <> ${province} AND t.issuer_unit_id = ANY(ARRAY(SELECT id FROM units WHERE province_id = ${province}))`,
    ),
    readLines(
      db,
      rows.REPORT_COLUMNS,
      Prisma.sql`FROM reports t WHERE t.province_id = ${province} AND ${Prisma.raw(rows.CURRENT_REPORTS)}`,
      rows.reportParser(),
    ),
    // Aliases only matter to duplicate channels, the catalogue's job.
    rows.readActiveChannels(db, false),
    getThresholds(),
  ]);
  // In id order, as the whole ledger reads them: evidence lists rows in that order.
  const mandates = [...own, ...fromAbove, ...issuedElsewhere]
    .sort((a, b) => a.id - b.id)
    .filter((m, i, all) => i === 0 || all[i - 1]!.id !== m.id);
  const named = [...new Set(mandates.flatMap((m) => [m.issuerUnitId, m.targetUnitId]))];
  const units = await readAll(
    db,
    rows.UNIT_COLUMNS,
    Prisma.sql`FROM units t WHERE (t.province_id = ${province} OR t.id IN ${above} OR t.id = ANY(${named}::int[]))`,
  );
  return rows.ledgerOf(today, values, { units, channels, mandates, reports });
}

/**
 * The catalogue with its aliases and the whole tree, and where each channel is used: one row per
 * distinct unit and channel of the current reports and judged mandates (a duplicate pair belongs
 * to the common ancestor of those places; nothing else of the rows is read).
 */
async function loadCatalogue(db: PrismaClient, today: Date): Promise<Ledger> {
  const [units, channels, places, { values }, products] = await Promise.all([
    readAll(db, rows.UNIT_COLUMNS, Prisma.sql`FROM units t WHERE true`),
    rows.readActiveChannels(db, true),
    db.$queryRaw<{ c: number; u: number }[]>(Prisma.sql`
      SELECT DISTINCT channel_id AS c, unit_id AS u FROM (
        SELECT t.channel_id, t.unit_id FROM reports t WHERE ${Prisma.raw(rows.CURRENT_REPORTS)}
        UNION ALL SELECT t.channel_id, t.target_unit_id FROM mandates t WHERE ${Prisma.raw(rows.JUDGED_MANDATES)}) x`),
    getThresholds(),
    loadProductIndex(db),
  ]);
  const usedAt = places.map(({ c, u }): ReportRow => ({
    id: 0,
    reporterId: 0,
    unitId: u,
    channelId: c,
    accounts: 0,
    minutesPerWeek: 0,
    installedOn: null,
    lastUsedOn: null,
    onlyForFigures: false,
  }));
  return { ...rows.ledgerOf(today, values, { units, channels, mandates: [], reports: usedAt }), products };
}

/**
 * Adds up what the regions of one recompute wrote and resolves the flags none of them found
 * again: after all of them, because a region may have moved to itself a flag another one missed.
 */
export async function finishRegions(results: readonly RegionResult[], at: Date): Promise<RecomputeSummary> {
  const total: RecomputeSummary = { findings: 0, created: 0, updated: 0, reopened: 0, resolved: 0 };
  for (const r of results) for (const k of Object.keys(total) as (keyof RecomputeSummary)[]) total[k] += r[k];
  total.resolved = await rawTransaction(async (tx) => {
    await tx.$executeRaw(Prisma.sql`SELECT pg_advisory_xact_lock_shared(${RECOMPUTE_LOCK})`);
    return resolveGone(
      tx,
      results.flatMap((r) => r.gone),
      at.toISOString(),
      true,
    );
  });
  return total;
}
