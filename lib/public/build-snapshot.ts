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
import { readPublicChannels, type PublicChannel, type RegionChannel } from "./public-channels";
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

/** Keys of the region-keyed maps: a region's code, or "" for the whole registry. */
export type PublicSnapshot = {
  threshold: number;
  summary: Omit<RegionFigures, "code" | "name" | "level" | "parent" | "children"> & { regions: string[] };
  regions: Record<string, RegionFigures>;
  trends: Record<string, TrendPoint[] | null>;
  issuers: Record<string, IssuerFigures[]>;
  channels: PublicChannel[];
  channelsIn: Record<string, RegionChannel[]>;
};

/**
 * Everything the public sees, computed once per release from one consistent view of the ledger.
 * Figures built from people count distinct people and are withheld by lib/public/protect-figures.ts;
 * figures from mandates and the catalogue are administrative and always shown.
 */
export async function buildPublicSnapshot(db: RawReader, thresholds: Thresholds, now: Date): Promise<PublicSnapshot> {
  return assembleSnapshot(db, await readPublicLedger(db, thresholds.publicFloor), thresholds, now);
}

/** The snapshot of a ledger already read (the auditor reads it once and checks what this publishes). */
export async function assembleSnapshot(
  db: RawReader,
  ledger: PublicLedger,
  thresholds: Thresholds,
  now: Date,
): Promise<PublicSnapshot> {
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
  const byBurden = (a: { hours: number | null; name: string }, b: { hours: number | null; name: string }) =>
    // Withheld figures last, in name order: their place must not hint at their size.
    a.hours === null || b.hours === null
      ? (a.hours === null ? 1 : 0) - (b.hours === null ? 1 : 0) || a.name.localeCompare(b.name, "zh-CN")
      : b.hours - a.hours || a.name.localeCompare(b.name, "zh-CN");

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
  const trends: Record<string, TrendPoint[] | null> = {};
  const issuers: Record<string, IssuerFigures[]> = {};
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
      const parent = ledger.regions.find((r) => r.id === region)!.parentId;
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
    trends[code] = shown(tables.cells.get(regionKey(region)))
      ? months.map((month) => ({ month, found: f?.found.get(month) ?? 0, cleanedUp: f?.cleanedIn.get(month) ?? 0 }))
      : null;
    issuers[code] = rankIssuers(ledger.units, tables.cells, withheld, mandates.byIssuer, region).sort((a, b) =>
      byBurden({ hours: a.hoursPerWeek, name: a.name }, { hours: b.hoursPerWeek, name: b.name }),
    );
  }
  return {
    threshold,
    summary: { ...figuresOf(WHOLE), regions: childrenOf(WHOLE) },
    regions,
    trends,
    issuers,
    ...channels,
  };
}

/** The people figures' input: regions, reports, and where each issuer's mandates land. */
export function peopleOf(ledger: PublicLedger, mandates: MandateFigures): PeopleLedger {
  const acting = [...mandates.byIssuer.keys()].map((k) => k.split("@").map(Number) as [number, number]);
  return { regions: ledger.regions, reports: ledger.reports, acting };
}

function rankIssuers(
  units: Map<number, PublicUnit>,
  cells: Map<string, Cell>,
  withheld: Set<string>,
  byIssuer: MandateFigures["byIssuer"],
  region: number,
): IssuerFigures[] {
  const out: IssuerFigures[] = [];
  for (const cell of cells.values()) {
    if (cell.region !== region || cell.issuer === null) continue;
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
