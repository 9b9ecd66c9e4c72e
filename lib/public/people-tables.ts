/*
 * The public figures built from people: how many staff reported and how many hours a week they
 * report, by region and by issuing department within a region. This module knows nobody's
 * identity: a person is an index, counted in one place (the published region of the unit they
 * report from), and a report is its minutes and the departments that required it.
 */

/** The whole registry: the region above the top published regions. */
export const WHOLE = -1;

export type PublicRegion = { id: number; parentId: number };
export type PublicReport = { person: number; part: number; issuers: readonly number[]; minutes: number };
/**
 * `regions`: the published regions, each with its parent (WHOLE for the top ones). `reports`: every
 * report counted, with `part` the deepest published region of its reporter (WHOLE when none).
 * `acting`: [issuer, region] pairs where an issuer's mandates land, whether or not anyone reported.
 */
export type PeopleLedger = {
  regions: readonly PublicRegion[];
  reports: readonly PublicReport[];
  acting: readonly (readonly [number, number])[];
};

/** A cell of a published table: a region (issuer null) or an issuing department within a region. */
export type Cell = {
  key: string;
  region: number;
  issuer: number | null;
  parent: string | null;
  children: string[];
  people: number;
  minutes: number;
};
export type PeopleTables = { cells: Map<string, Cell>; chains: Map<number, readonly number[]> };

export const regionKey = (region: number) => `r${region}`;
export const issuerKey = (issuer: number, region: number) => `d${issuer}@${region}`;
/** Whole hours a week, as published. */
export const publishedHours = (minutes: number) => Math.round(minutes / 60);

/** Each region with its ancestors, itself first and WHOLE last. */
export function regionChains(regions: readonly PublicRegion[]): Map<number, readonly number[]> {
  const parentOf = new Map(regions.map((r) => [r.id, r.parentId]));
  const chains = new Map<number, readonly number[]>([[WHOLE, [WHOLE]]]);
  const chainOf = (id: number): readonly number[] => {
    const known = chains.get(id);
    if (known) return known;
    const parent = parentOf.get(id);
    const chain = [id, ...chainOf(parent === undefined || parent === id ? WHOLE : parent)];
    chains.set(id, chain);
    return chain;
  };
  for (const r of regions) chainOf(r.id);
  return chains;
}

export function buildPeopleTables(ledger: PeopleLedger): PeopleTables {
  const chains = regionChains(ledger.regions);
  const cells = new Map<string, Cell>();
  const cellOf = (region: number, issuer: number | null): Cell => {
    const key = issuer === null ? regionKey(region) : issuerKey(issuer, region);
    let cell = cells.get(key);
    if (!cell) {
      const parentRegion = chains.get(region)![1];
      const parent = parentRegion === undefined ? null : cellOf(parentRegion, issuer);
      cell = { key, region, issuer, parent: parent?.key ?? null, children: [], people: 0, minutes: 0 };
      cells.set(key, cell);
      parent?.children.push(key);
    }
    return cell;
  };
  for (const region of chains.keys()) cellOf(region, null);
  for (const [issuer, region] of ledger.acting) if (chains.has(region)) cellOf(region, issuer);

  // A person counts once in a cell, however many of their reports it holds: with the reports in
  // person order, a cell has seen this person exactly when it last saw them.
  const lastPerson = new Map<Cell, number>();
  const byPerson = [...ledger.reports].sort((a, b) => a.person - b.person);
  for (const report of byPerson) {
    const chain = chains.get(report.part) ?? chains.get(WHOLE)!;
    for (const issuer of [null, ...new Set(report.issuers)]) {
      for (const region of chain) {
        const cell = cellOf(region, issuer);
        cell.minutes += report.minutes;
        if (lastPerson.get(cell) !== report.person) {
          lastPerson.set(cell, report.person);
          cell.people++;
        }
      }
    }
  }
  return { cells, chains };
}
