import { WHOLE, regionKey, type Cell, type PeopleLedger, type PeopleTables } from "./people-tables";

/*
 * Which people figures to withhold so that none built from fewer than `threshold` people is
 * published, and none can be worked out from what is published with it. Three ways a withheld
 * figure could come back, each closed by withholding more ("complementary suppression"):
 *
 * - Down a tree (regions, or one department across regions): a published cell minus its published
 *   descendants gives the rest of it — the withheld cells below it and the people counted in no
 *   published cell below it (staff of the unit itself, departments, villages). That rest must hold
 *   no one or at least `threshold` people, or the smallest published cell next to them is withheld
 *   too.
 * - Across the departments of a region: the region's total minus its published departments gives
 *   the reports no published department required. The people behind those must be none or at
 *   least `threshold`, or one more department is withheld.
 * - A department within a withheld region is withheld (it would bound the region from below).
 *
 * `also`: cells to withhold besides (what the auditor asked for, see protect-figures.ts).
 * lib/public/disclosure-audit.ts checks the result independently, by linear programming.
 */
export function withholdCells(
  ledger: PeopleLedger,
  tables: PeopleTables,
  threshold: number,
  also: Iterable<string> = [],
): Set<string> {
  const { cells } = tables;
  const withheld = new Set<string>(also);
  for (const cell of cells.values()) if (cell.people > 0 && cell.people < threshold) withheld.add(cell.key);
  const deepestFirst = [...cells.values()].sort(
    (a, b) => depth(tables, b) - depth(tables, a) || (a.key < b.key ? -1 : 1),
  );
  const issuersAt = new Map<number, Cell[]>();
  for (const cell of cells.values()) {
    if (cell.issuer === null) continue;
    const list = issuersAt.get(cell.region);
    if (list) list.push(cell);
    else issuersAt.set(cell.region, [cell]);
  }
  // By person once: every pass below counts each region's uncovered people in this order.
  const byPerson = [...ledger.reports].sort((a, b) => a.person - b.person);

  for (let changed = true; changed;) {
    changed = false;
    for (const cell of cells.values()) {
      if (cell.issuer !== null && withheld.has(regionKey(cell.region)) && !withheld.has(cell.key)) {
        withheld.add(cell.key);
        changed = true;
      }
    }
    for (const parent of deepestFirst)
      if (!withheld.has(parent.key) && protectBelow(cells, parent, withheld, threshold)) changed = true;
    if (protectAcrossIssuers(byPerson, tables, issuersAt, withheld, threshold)) changed = true;
  }
  return withheld;
}

const depth = (tables: PeopleTables, cell: Cell) => tables.chains.get(cell.region)!.length;

/** The cells below `parent` up to the published ones: those published, and the withheld ones in between. */
function below(cells: Map<string, Cell>, parent: Cell, withheld: Set<string>): { published: Cell[]; hidden: Cell[] } {
  const published: Cell[] = [];
  const hidden: Cell[] = [];
  const stack = [...parent.children];
  while (stack.length) {
    const child = cells.get(stack.pop()!)!;
    if (withheld.has(child.key)) {
      hidden.push(child);
      stack.push(...child.children);
    } else published.push(child);
  }
  return { published, hidden };
}

const peopleIn = (list: Cell[]) => list.reduce((sum, c) => sum + c.people, 0);

/**
 * The tree rule; true when it withheld something. What a published cell leaves unexplained by the
 * published cells below it must hold no one or at least `threshold` people, and no withheld cell
 * may be all of it (it would be given back exactly).
 */
function protectBelow(cells: Map<string, Cell>, parent: Cell, withheld: Set<string>, threshold: number): boolean {
  const { published, hidden } = below(cells, parent, withheld);
  const rest = parent.people - peopleIn(published);
  if (rest === 0) return false;
  // Staff counts of regions are published, and a withheld region is known to hold someone: with h
  // of them in the rest, each could be 1 to rest − h + 1 people, which must be `threshold` values.
  const known = parent.issuer === null ? hidden.filter((c) => c.people > 0).length : 0;
  const enough = Math.max(threshold, threshold - 1 + known);
  const exposed =
    rest >= enough &&
    hidden.some((c) => c.people > 0 && c.people - peopleIn(below(cells, c, withheld).published) === rest);
  if (rest >= enough && !exposed) return false;
  // Withholding a cell adds the people in it that no published cell below it shows.
  const adds = published
    .map((c) => ({ cell: c, adds: c.people - peopleIn(below(cells, c, withheld).published) }))
    .filter((c) => c.adds > 0);
  const sufficient = adds
    .filter((c) => rest + c.adds >= enough + (parent.issuer === null ? 1 : 0))
    .sort((a, b) => a.cell.people - b.cell.people || (a.cell.key < b.cell.key ? -1 : 1));
  const choice = sufficient[0] ?? adds.sort((a, b) => b.adds - a.adds || (a.cell.key < b.cell.key ? -1 : 1))[0];
  withheld.add(choice ? choice.cell.key : parent.key);
  return true;
}

/** The rule across the departments of a published region; true when it withheld something. */
function protectAcrossIssuers(
  byPerson: PeopleLedger["reports"],
  tables: PeopleTables,
  issuersAt: Map<number, Cell[]>,
  withheld: Set<string>,
  threshold: number,
): boolean {
  const published = new Map<number, Set<number>>();
  for (const [region, list] of issuersAt) {
    if (withheld.has(regionKey(region))) continue;
    published.set(region, new Set(list.filter((c) => !withheld.has(c.key)).map((c) => c.issuer!)));
  }
  if (published.size === 0) return false;
  // People with at least one report that no published department of the region required, and,
  // for each withheld department, whether any such report is not that department's too.
  const uncovered = new Map<number, number>();
  const lastPerson = new Map<number, number>();
  const beyond = new Map<number, Set<number>>();
  for (const report of byPerson) {
    for (const region of tables.chains.get(report.part) ?? [WHOLE]) {
      const shown = published.get(region);
      if (!shown || report.issuers.some((i) => shown.has(i))) continue;
      const seen = beyond.get(region) ?? new Set<number>();
      beyond.set(region, seen);
      for (const cell of issuersAt.get(region)!) if (!report.issuers.includes(cell.issuer!)) seen.add(cell.issuer!);
      if (lastPerson.get(region) === report.person) continue;
      lastPerson.set(region, report.person);
      uncovered.set(region, (uncovered.get(region) ?? 0) + 1);
    }
  }
  let changed = false;
  for (const [region, shown] of published) {
    const rest = uncovered.get(region) ?? 0;
    const exposed = issuersAt
      .get(region)!
      .some((c) => c.people > 0 && !shown.has(c.issuer!) && !beyond.get(region)?.has(c.issuer!));
    if (rest === 0 || (rest >= threshold && !exposed)) continue;
    const next = issuersAt
      .get(region)!
      .filter((c) => !withheld.has(c.key) && c.people > 0)
      .sort((a, b) => a.people - b.people || a.issuer! - b.issuer!)[0];
    if (next) {
      withheld.add(next.key);
      changed = true;
    }
  }
  return changed;
}
