import "server-only";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { getThresholds } from "@/lib/settings/thresholds";
import { suppressedCells } from "./suppress";

const LEVEL_DEPTH: Record<string, number> = { province: 1, city: 2, county: 3, township: 4 };

/** Figures of one region (a unit's subtree). People figures are null when withheld. */
export type RegionFigures = {
  code: string;
  name: string;
  level: string;
  parent: string | null;
  children: string[];
  channels: number;
  unitsCovered: number;
  mandates: number;
  reporters: number | null;
  hoursPerWeek: number | null;
  suppressed: boolean;
  duplicatesFound: number;
  zombiesFound: number | null;
  cleanedUp: number;
};
export type IssuerFigures = { code: string; name: string; mandates: number; unitsTargeted: number; channels: number; hoursPerWeek: number | null; suppressed: boolean };
export type PublicChannel = { name: string; status: "active" | "retired" | "merged"; kind: string; mergedInto: string | null; changedOn: string };
export type TrendPoint = { month: string; found: number; cleanedUp: number };

export type PublicSnapshot = {
  updatedAt: string;
  threshold: number;
  summary: Omit<RegionFigures, "code" | "name" | "level" | "parent" | "children"> & { regions: string[] };
  regions: Record<string, RegionFigures>;
  issuers: IssuerFigures[];
  channels: PublicChannel[];
  trend: TrendPoint[];
};

type Row = Record<string, unknown>;
const num = (v: unknown) => Number(v ?? 0);

/**
 * Everything the public sees, computed once from the ledger (each request is served from this):
 * regions down to the floor set by the administrator, issuing departments ranked by the burden
 * they impose, retired and merged channels, monthly clean-up. Any figure built from reporters is
 * withheld below the threshold, with complementary suppression (see suppress.ts). No row about a
 * person is ever read into it.
 */
export async function buildPublicSnapshot(now = new Date()): Promise<PublicSnapshot> {
  const db = await getDb();
  const { values } = await getThresholds();
  const threshold = values.publicMinReporters;
  const published = Object.entries(LEVEL_DEPTH).filter(([, d]) => d <= values.publicFloor).map(([level]) => level);
  const units = await db.unit.findMany({ where: { retiredAt: null, level: { in: published as never[] } }, select: { id: true, code: true, name: true, level: true, parentId: true, path: true }, orderBy: { code: "asc" } });
  const ids = units.map((u) => u.id);
  const inPublished = ids.length ? Prisma.sql`anc IN (${Prisma.join(ids)})` : Prisma.sql`false`;
  // Each row counted under every published ancestor on its unit's path.
  const ancestors = (unitColumn: string) => Prisma.raw(`unnest(string_to_array(trim(both '/' from (SELECT path FROM units WHERE id = ${unitColumn})), '/')::int[])`);
  const [mandateRows, reportRows, flagRows] = await Promise.all([
    db.$queryRaw<Row[]>`SELECT anc, count(DISTINCT channel_id) AS channels, count(DISTINCT target_unit_id) AS units, count(*) AS mandates
      FROM (SELECT m.channel_id, m.target_unit_id, ${ancestors("m.target_unit_id")} AS anc FROM mandates m JOIN channels c ON c.id = m.channel_id WHERE m.status = 'active' AND c.status = 'active') x
      WHERE ${inPublished} GROUP BY anc`,
    db.$queryRaw<Row[]>`SELECT anc, count(DISTINCT reporter_id) AS reporters, sum(minutes_per_week) AS minutes
      FROM (SELECT r.reporter_id, r.minutes_per_week, ${ancestors("r.unit_id")} AS anc FROM reports r) x
      WHERE ${inPublished} GROUP BY anc`,
    db.$queryRaw<Row[]>`SELECT anc,
        count(*) FILTER (WHERE kind IN ('duplicate_channel', 'duplicate_mandate') AND status IN ('open', 'confirmed')) AS duplicates,
        count(*) FILTER (WHERE kind = 'zombie' AND status IN ('open', 'confirmed')) AS zombies,
        count(*) FILTER (WHERE status = 'resolved' AND resolved_reason IN ('reviewer', 'merged')) AS cleaned
      FROM (SELECT f.kind, f.status, f.resolved_reason, ${ancestors("f.scope_unit_id")} AS anc FROM flags f WHERE f.scope_unit_id IS NOT NULL) x
      WHERE ${inPublished} GROUP BY anc`,
  ]);
  const by = (rows: Row[]) => new Map(rows.map((r) => [num(r.anc), r]));
  const [m, r, f] = [by(mandateRows), by(reportRows), by(flagRows)];
  const publishedIds = new Set(ids);
  const childrenOf = new Map<number, number[]>();
  for (const u of units) if (u.parentId !== null && publishedIds.has(u.parentId)) childrenOf.set(u.parentId, [...(childrenOf.get(u.parentId) ?? []), u.id]);
  const reportersOf = (id: number) => num(r.get(id)?.reporters);
  const cells = units.map((u) => {
    const reporters = reportersOf(u.id);
    const inChildren = (childrenOf.get(u.id) ?? []).reduce((s, c) => s + reportersOf(c), 0);
    return { id: u.id, parentId: u.parentId !== null && publishedIds.has(u.parentId) ? u.parentId : null, reporters, directReporters: Math.max(0, reporters - inChildren) };
  });
  // The whole registry is one more cell above the regions: total − published regions must not give one back.
  const totals = await registryTotals();
  const WHOLE = -1;
  const rootIds = cells.filter((c) => c.parentId === null).map((c) => c.id);
  const inRoots = rootIds.reduce((s, id) => s + reportersOf(id), 0);
  for (const c of cells) if (c.parentId === null) c.parentId = WHOLE;
  cells.push({ id: WHOLE, parentId: null, reporters: totals.reporters, directReporters: Math.max(0, totals.reporters - inRoots) });
  const hidden = suppressedCells(cells, threshold);
  const codeOf = new Map(units.map((u) => [u.id, u.code]));
  const regions: Record<string, RegionFigures> = {};
  for (const u of units) {
    const withheld = hidden.has(u.id);
    regions[u.code] = {
      code: u.code,
      name: u.name,
      level: u.level,
      parent: u.parentId !== null && publishedIds.has(u.parentId) ? codeOf.get(u.parentId)! : null,
      children: (childrenOf.get(u.id) ?? []).map((c) => codeOf.get(c)!),
      channels: num(m.get(u.id)?.channels),
      unitsCovered: num(m.get(u.id)?.units),
      mandates: num(m.get(u.id)?.mandates),
      reporters: withheld ? null : reportersOf(u.id),
      hoursPerWeek: withheld ? null : Math.round(num(r.get(u.id)?.minutes) / 60),
      suppressed: withheld,
      duplicatesFound: num(f.get(u.id)?.duplicates),
      zombiesFound: withheld ? null : num(f.get(u.id)?.zombies),
      cleanedUp: num(f.get(u.id)?.cleaned),
    };
  }
  const roots = units.filter((u) => regions[u.code]!.parent === null).map((u) => u.code);
  return {
    updatedAt: now.toISOString(),
    threshold,
    summary: summarize(totals, hidden.has(WHOLE), roots),
    regions,
    issuers: await rankIssuers(threshold),
    channels: await listChannels(),
    trend: await cleanUpTrend(now),
  };
}

type Totals = { channels: number; units: number; mandates: number; reporters: number; minutes: number; duplicates: number; zombies: number; cleaned: number };

/** The whole registry, counted directly (regions may not cover every unit). */
async function registryTotals(): Promise<Totals> {
  const db = await getDb();
  const [[mandates], [reports], [flags]] = await Promise.all([
    db.$queryRaw<Row[]>`SELECT count(DISTINCT m.channel_id) AS channels, count(DISTINCT m.target_unit_id) AS units, count(*) AS mandates FROM mandates m JOIN channels c ON c.id = m.channel_id WHERE m.status = 'active' AND c.status = 'active'`,
    db.$queryRaw<Row[]>`SELECT count(DISTINCT reporter_id) AS reporters, coalesce(sum(minutes_per_week), 0) AS minutes FROM reports`,
    db.$queryRaw<Row[]>`SELECT count(*) FILTER (WHERE kind IN ('duplicate_channel', 'duplicate_mandate') AND status IN ('open', 'confirmed')) AS duplicates,
        count(*) FILTER (WHERE kind = 'zombie' AND status IN ('open', 'confirmed')) AS zombies,
        count(*) FILTER (WHERE status = 'resolved' AND resolved_reason IN ('reviewer', 'merged')) AS cleaned FROM flags`,
  ]);
  return {
    channels: num(mandates!.channels), units: num(mandates!.units), mandates: num(mandates!.mandates),
    reporters: num(reports!.reporters), minutes: num(reports!.minutes),
    duplicates: num(flags!.duplicates), zombies: num(flags!.zombies), cleaned: num(flags!.cleaned),
  };
}

function summarize(t: Totals, withheld: boolean, roots: string[]): PublicSnapshot["summary"] {
  return {
    channels: t.channels,
    unitsCovered: t.units,
    mandates: t.mandates,
    reporters: withheld ? null : t.reporters,
    hoursPerWeek: withheld ? null : Math.round(t.minutes / 60),
    suppressed: withheld,
    duplicatesFound: t.duplicates,
    zombiesFound: withheld ? null : t.zombies,
    cleanedUp: t.cleaned,
    regions: roots,
  };
}

/** Issuing units ranked by the staff time their mandates impose (time reported at the unit for that channel). */
async function rankIssuers(threshold: number): Promise<IssuerFigures[]> {
  const db = await getDb();
  const rows = await db.$queryRaw<Row[]>`
    WITH load AS (SELECT unit_id, channel_id, count(DISTINCT reporter_id) AS reporters, sum(minutes_per_week) AS minutes FROM reports GROUP BY unit_id, channel_id)
    SELECT u.code, u.name, count(*) AS mandates, count(DISTINCT m.target_unit_id) AS units, count(DISTINCT m.channel_id) AS channels,
           coalesce(sum(l.minutes), 0) AS minutes, coalesce(sum(l.reporters), 0) AS reporters
    FROM mandates m JOIN channels c ON c.id = m.channel_id AND c.status = 'active' JOIN units u ON u.id = m.issuer_unit_id
    LEFT JOIN load l ON l.unit_id = m.target_unit_id AND l.channel_id = m.channel_id
    WHERE m.status = 'active' GROUP BY u.code, u.name ORDER BY minutes DESC, mandates DESC, u.code LIMIT 100`;
  return rows.map((row) => {
    const withheld = num(row.reporters) > 0 && num(row.reporters) < threshold;
    return { code: String(row.code), name: String(row.name), mandates: num(row.mandates), unitsTargeted: num(row.units), channels: num(row.channels), hoursPerWeek: withheld ? null : Math.round(num(row.minutes) / 60), suppressed: withheld };
  });
}

async function listChannels(): Promise<PublicChannel[]> {
  const db = await getDb();
  const rows = await db.channel.findMany({
    where: { OR: [{ status: { in: ["retired", "merged"] } }, { mandates: { some: { status: "active" } } }] },
    orderBy: [{ status: "asc" }, { name: "asc" }],
    select: { name: true, status: true, kind: true, updatedAt: true, mergedInto: { select: { name: true } } },
    take: 5000,
  });
  return rows.map((c) => ({ name: c.name, status: c.status, kind: c.kind, mergedInto: c.mergedInto?.name ?? null, changedOn: c.updatedAt.toISOString().slice(0, 10) }));
}

/** The last twelve months: flags found, and flags cleaned up (resolved by a reviewer or by a merge). */
async function cleanUpTrend(now: Date): Promise<TrendPoint[]> {
  const db = await getDb();
  const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11, 1));
  const [found, cleaned] = await Promise.all([
    db.$queryRaw<Row[]>`SELECT to_char(first_seen_at, 'YYYY-MM') AS month, count(*) AS n FROM flags WHERE first_seen_at >= ${from} GROUP BY 1`,
    db.$queryRaw<Row[]>`SELECT to_char(created_at, 'YYYY-MM') AS month, count(*) AS n FROM flag_decisions WHERE decision IN ('resolve', 'merge') AND created_at >= ${from} GROUP BY 1`,
  ]);
  const count = (rows: Row[]) => new Map(rows.map((row) => [String(row.month), num(row.n)]));
  const [f, c] = [count(found), count(cleaned)];
  return Array.from({ length: 12 }, (_, i) => {
    const d = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + i, 1));
    const month = d.toISOString().slice(0, 7);
    return { month, found: f.get(month) ?? 0, cleanedUp: c.get(month) ?? 0 };
  });
}
