import "server-only";
import type { RawReader } from "@/lib/db/read-all";
import { regionOf } from "@/lib/units/unit-level";
import type { Thresholds } from "@/lib/settings/thresholds.validation";
import { countFlags, type FlagTally } from "./flag-figures";
import { countMandates, type MandateFigures } from "./mandate-figures";
import {
  buildPeopleTables,
  issuerKey,
  publishedHours,
  regionKey,
  WHOLE,
  type Cell,
  type PeopleLedger,
} from "./people-tables";
import { readPublicChannels, type ChannelCounts, type PublicChannel } from "./public-channels";
import { readPublicLedger, type PublicLedger, type PublicUnit } from "./read-public-ledger";
import { lastTwelveMonths } from "./release-schedule";
import { protectPeopleFigures } from "./protect-figures";

/** Figures of one region (a unit's subtree). Figures built from people are null when withheld. */
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
  cleanedUp: number | null;
};
/** An issuing unit within a region: its mandates there, and the staff time they impose there. */
export type IssuerFigures = {
  code: string;
  name: string;
  region: string | null;
  mandates: number;
  unitsTargeted: number;
  channels: number;
  hoursPerWeek: number | null;
  suppressed: boolean;
};
export type TrendPoint = { month: string; found: number; cleanedUp: number };

/**
 * What every public page needs: the threshold, the whole registry's figures, every region's
 * figures (keyed by code) and the catalogue entries the public may see. Kept in memory.
 */
export type PublicSnapshot = {
  threshold: number;
  summary: Omit<RegionFigures, "code" | "name" | "level" | "parent" | "children"> & { regions: string[] };
  regions: Record<string, RegionFigures>;
  channels: PublicChannel[];
};
/** What one place's page adds: its clean-up trend, its issuers ranked, its channels (see ChannelCounts). */
export type PlaceDetail = { trend: TrendPoint[] | null; issuers: IssuerFigures[]; channels: ChannelCounts };
/**
 * A release's figures: the snapshot, and the detail of each place (keyed by a region's code, ""
 * for the whole registry), stored a row each and read when a place is asked for — a nation's
 * 40,000 regions do not fit one document.
 */
export type PublicFigures = { snapshot: PublicSnapshot; details: Map<string, PlaceDetail> };

/**
 * Everything the public sees, computed once per release from one consistent view of the ledger.
 * Figures built from people count distinct people and are withheld by lib/public/protect-figures.ts;
 * figures from mandates and the catalogue are administrative and always shown.
 */
export async function buildPublicSnapshot(db: RawReader, thresholds: Thresholds, now: Date): Promise<PublicFigures> {
  return assembleSnapshot(db, await readPublicLedger(db, thresholds.publicFloor), thresholds, now);
}

/** The snapshot of a ledger already read (the auditor reads it once and checks what this publishes). */
export async function assembleSnapshot(
  db: RawReader,
  ledger: PublicLedger,
  thresholds: Thresholds,
  now: Date,
): Promise<PublicFigures> {
  const threshold = thresholds.publicMinReporters;
  const mandates = countMandates(ledger.mandates, ledger.tree);
  const people = peopleOf(ledger, mandates);
  const tables = buildPeopleTables(people);
  const { withheld } = await protectPeopleFigures(people, tables, threshold);
  const { months, since } = lastTwelveMonths(now);
  const [flags, channels] = await Promise.all([
    countFlags(
      db,
      ledger.regions.map((r) => r.id),
      since,
    ),
    readPublicChannels(db, ledger, mandates),
  ]);

  const codeOf = (region: number) => (region === WHOLE ? "" : ledger.units.get(region)!.code);
  const shown = (cell: Cell | undefined) => cell !== undefined && !withheld.has(cell.key);
  const byName = new Intl.Collator("zh-CN").compare;
  const byBurden = (a: { hours: number | null; name: string }, b: { hours: number | null; name: string }) =>
    // Withheld figures last, in name order: their place must not hint at their size.
    a.hours === null || b.hours === null
      ? (a.hours === null ? 1 : 0) - (b.hours === null ? 1 : 0) || byName(a.name, b.name)
      : b.hours - a.hours || byName(a.name, b.name);

  const figuresOf = (region: number) => {
    const cell = tables.cells.get(regionKey(region))!;
    const m = mandates.byRegion.get(region);
    const f: FlagTally | undefined = flags.get(region);
    const open = shown(cell);
    return {
      channels: m?.channels.size ?? 0,
      unitsCovered: m?.units.size ?? 0,
      mandates: m?.mandates ?? 0,
      reporters: open ? cell.people : null,
      hoursPerWeek: open ? publishedHours(cell.minutes) : null,
      suppressed: !open,
      duplicatesFound: f?.duplicates ?? 0,
      zombiesFound: open ? (f?.zombies ?? 0) : null,
      cleanedUp: open ? (f?.cleaned ?? 0) : null,
    };
  };
  const regions: Record<string, RegionFigures> = {};
  const details = new Map<string, PlaceDetail>();
  const issuerCells = issuerCellsByRegion(tables.cells);
  const parentOf = new Map(ledger.regions.map((r) => [r.id, r.parentId]));
  const childrenOf = (region: number) =>
    tables.cells
      .get(regionKey(region))!
      .children.filter((k) => k.startsWith("r"))
      .map((k) => tables.cells.get(k)!.region)
      .map((id) => ({ id, name: ledger.units.get(id)!.name, hours: figuresOf(id).hoursPerWeek }))
      .sort(byBurden)
      .map((c) => codeOf(c.id));
  for (const region of [WHOLE, ...ledger.regions.map((r) => r.id)]) {
    const code = codeOf(region);
    if (region !== WHOLE) {
      const u = ledger.units.get(region)!;
      const parent = parentOf.get(region)!;
      regions[code] = {
        code,
        name: u.name,
        level: u.level,
        parent: parent === WHOLE ? null : codeOf(parent),
        children: childrenOf(region),
        ...figuresOf(region),
      };
    }
    const f = flags.get(region);
    details.set(code, {
      trend: shown(tables.cells.get(regionKey(region)))
        ? months.map((month) => ({ month, found: f?.found.get(month) ?? 0, cleanedUp: f?.cleanedIn.get(month) ?? 0 }))
        : null,
      issuers: rankIssuers(ledger.units, issuerCells.get(region) ?? [], withheld, mandates.byIssuer, region).sort(
        (a, b) => byBurden({ hours: a.hoursPerWeek, name: a.name }, { hours: b.hoursPerWeek, name: b.name }),
      ),
      channels: channels.channelsIn.get(code) ?? [],
    });
  }
  return {
    snapshot: {
      threshold,
      summary: { ...figuresOf(WHOLE), regions: childrenOf(WHOLE) },
      regions,
      channels: channels.channels,
    },
    details,
  };
}

/** The people figures' input: regions, reports, and where each issuer's mandates land. */
export function peopleOf(ledger: PublicLedger, mandates: MandateFigures): PeopleLedger {
  const acting = [...mandates.byIssuer.keys()].map((k) => k.split("@").map(Number) as [number, number]);
  return { regions: ledger.regions, reports: ledger.reports, acting };
}

/** The issuers' cells of each region, gathered once (a nation has 40,000 regions and millions of cells). */
function issuerCellsByRegion(cells: Map<string, Cell>): Map<number, Cell[]> {
  const out = new Map<number, Cell[]>();
  for (const cell of cells.values()) {
    if (cell.issuer === null) continue;
    let list = out.get(cell.region);
    if (!list) out.set(cell.region, (list = []));
    list.push(cell);
  }
  return out;
}

function rankIssuers(
  units: Map<number, PublicUnit>,
  cells: readonly Cell[],
  withheld: Set<string>,
  byIssuer: MandateFigures["byIssuer"],
  region: number,
): IssuerFigures[] {
  const out: IssuerFigures[] = [];
  for (const cell of cells) {
    if (cell.issuer === null) continue;
    const unit = units.get(cell.issuer);
    if (!unit) continue;
    const m = byIssuer.get(`${cell.issuer}@${region}`);
    const open = !withheld.has(issuerKey(cell.issuer, region));
    out.push({
      code: unit.code,
      name: unit.name,
      region: regionNameOf(units, unit),
      mandates: m?.mandates ?? 0,
      unitsTargeted: m?.units.size ?? 0,
      channels: m?.channels.size ?? 0,
      hoursPerWeek: open ? publishedHours(cell.minutes) : null,
      suppressed: !open,
    });
  }
  return out;
}

/** The region a department belongs to (its nearest ancestor that is not a department), so that two 县妇联 can be told apart. */
function regionNameOf(units: Map<number, PublicUnit>, unit: PublicUnit): string | null {
  if (unit.level !== "department") return null;
  return regionOf(unit, (id) => units.get(id))?.name ?? null;
}
