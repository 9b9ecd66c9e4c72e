import loadHighs, { type Highs } from "highs";
import { publishedHours, regionKey, WHOLE, type Cell, type PeopleLedger, type PeopleTables } from "./people-tables";

/*
 * The disclosure auditor: an attacker's best effort, by linear programming, against the people
 * figures published together. The unknowns are the smallest pieces the published figures are sums
 * of ("atoms"): for staff counts, the people counted in each published region and nowhere deeper;
 * for hours, the reports of each such region grouped by the set of departments that required them.
 * Every published figure is an equation over them (hours are published rounded, so within ±0.5),
 * every atom is at least 0, and for each withheld figure the solver finds the smallest and largest
 * value all of that allows; a withheld region is known to hold at least one person. The figures
 * checked are the withheld ones built from fewer people than the threshold, the people a region
 * counts directly when they are fewer (never published alone), and the hours of every smallest
 * piece of fewer people. Each is protected when its range is wide enough:
 *
 * - a staff count: it could be any of at least `threshold` values (a range at least threshold − 1
 *   wide: neither pinned down nor narrowed to a handful of people);
 * - hours: not determined by the published figures (were they published to the minute), and, as
 *   they are published (rounded), a range at least as wide as the figure itself: it cannot be
 *   told from nothing, nor from double.
 *
 * The atoms are built from the true ledger, so the auditor knows more than any reader (for one,
 * which atoms are empty): what it cannot narrow, nobody can.
 */
/** `binding`: the published figures that set the range's bounds (what to withhold to widen it). */
export type AuditFinding = {
  cell: string;
  figure: "people" | "hours";
  value: number;
  low: number;
  high: number;
  needed: number;
  binding: string[];
};
export type AuditResult = { cellsTried: number; findings: AuditFinding[] };

/** `people`: how many distinct people the piece holds. */
type Atom = { part: number; issuers: readonly number[]; value: number; people: number };
type Equation = { cell: Cell; lower: number; upper: number };

let solver: Promise<Highs> | undefined;
const TOLERANCE = 1e-6;
/** Stands for "no bound" on a piece (a billion people or hours); a range reaching it is unbounded. */
const UNBOUNDED = 1e9;

export type AuditRules = { hoursRange: boolean };

export async function auditDisclosure(
  ledger: PeopleLedger,
  tables: PeopleTables,
  withheld: ReadonlySet<string>,
  threshold: number,
  rules: AuditRules = { hoursRange: true },
): Promise<AuditResult> {
  const highs = await (solver ??= loadHighs());
  const cells = [...tables.cells.values()];
  // The figures to protect are those built from fewer people than the threshold; the others are
  // withheld only to protect these, and may be narrowed as long as these cannot.
  const hidden = cells.filter((c) => withheld.has(c.key) && c.people > 0 && c.people < threshold);
  const shown = cells.filter((c) => !withheld.has(c.key));
  const findings: AuditFinding[] = [];

  // The people a region counts directly (its own staff, departments, villages) are never published
  // alone: a group of them smaller than the threshold must be as safe as a withheld figure.
  // (A region without children is its own part: its cell is checked already.)
  const parts = [...partCells(ledger).values()].filter(
    (c) =>
      c.people > 0 &&
      c.people < threshold &&
      tables.cells.get(regionKey(c.region))!.children.some((k) => k.startsWith("r")),
  );
  const targets = [...hidden, ...parts];
  const people = peopleAtoms(ledger);
  const regionCells = (list: Cell[]) => list.filter((c) => c.issuer === null);
  // A reader knows more than the published counts: a withheld region has someone in it (an empty
  // one is published as 0).
  const someone = regionCells(cells.filter((c) => withheld.has(c.key) && c.people > 0)).map((cell) => ({
    cell,
    lower: 1,
    upper: Infinity,
  }));
  const counted = regionCells(shown).map((cell) => ({ cell, lower: cell.people, upper: cell.people }));
  for (const range of ranges(highs, tables, people, [...counted, ...someone], regionCells(targets))) {
    if (range.high - range.low < threshold - 1 - TOLERANCE)
      findings.push({
        cell: range.cell.key,
        figure: "people",
        value: range.cell.people,
        low: range.low,
        high: range.high,
        needed: threshold - 1,
        binding: range.binding,
      });
  }
  const hours = hourAtoms(ledger);
  // The hours of each smallest piece of fewer people than the threshold (a region's own reports
  // for one set of departments) must be as safe as a withheld figure: differences of overlapping
  // department figures would isolate them.
  const pieces: Cell[] = hours
    .filter((a) => a.people > 0 && a.people < threshold)
    .map((a) => ({
      key: `atom${a.part}|${a.issuers.join(",")}`,
      region: a.part,
      issuer: null,
      parent: null,
      children: [],
      people: a.people,
      minutes: a.value * 60,
    }));
  const hourTargets = [...targets, ...pieces];
  const exact = (cell: Cell) => ({ cell, lower: cell.minutes / 60, upper: cell.minutes / 60 });
  const rounded = (cell: Cell) => ({
    cell,
    lower: Math.max(0, publishedHours(cell.minutes) - 0.5),
    upper: publishedHours(cell.minutes) + 0.5,
  });
  const pinned = new Set(
    ranges(highs, tables, hours, shown.map(exact), hourTargets)
      .filter((r) => r.high - r.low < TOLERANCE && r.cell.minutes > 0)
      .map((r) => r.cell.key),
  );
  for (const range of ranges(highs, tables, hours, shown.map(rounded), hourTargets)) {
    const value = range.cell.minutes / 60;
    if (pinned.has(range.cell.key) || (rules.hoursRange && range.high - range.low < value - TOLERANCE))
      findings.push({
        cell: range.cell.key,
        figure: "hours",
        value,
        low: range.low,
        high: range.high,
        needed: value,
        binding: range.binding,
      });
  }
  return { cellsTried: regionCells(targets).length + hourTargets.length, findings };
}

/** People counted in each published region and no deeper one. */
function peopleAtoms(ledger: PeopleLedger): Atom[] {
  const persons = new Map<number, number>();
  for (const r of ledger.reports) persons.set(r.person, r.part);
  const count = new Map<number, number>();
  for (const part of persons.values()) count.set(part, (count.get(part) ?? 0) + 1);
  return [...count].map(([part, value]) => ({ part, issuers: [], value, people: value }));
}

/** Hours of each published region's own reports, by the set of departments that required them. */
function hourAtoms(ledger: PeopleLedger): Atom[] {
  const atoms = new Map<string, Atom & { persons: Set<number> }>();
  for (const r of ledger.reports) {
    const issuers = [...new Set(r.issuers)].sort((a, b) => a - b);
    const key = `${r.part}|${issuers.join(",")}`;
    const atom = atoms.get(key) ?? { part: r.part, issuers, value: 0, people: 0, persons: new Set<number>() };
    atom.value += r.minutes / 60;
    atom.persons.add(r.person);
    atom.people = atom.persons.size;
    atoms.set(key, atom);
  }
  return [...atoms.values()].map((a) => ({ part: a.part, issuers: a.issuers, value: a.value, people: a.people }));
}

/** The people each region counts directly, as cells of their own (keyed "own" + region) whose atoms are that part's alone. */
function partCells(ledger: PeopleLedger): Map<number, Cell> {
  const parts = new Map<number, Cell>();
  const seen = new Set<number>();
  for (const r of ledger.reports) {
    const cell = parts.get(r.part) ?? {
      key: `own${r.part}`,
      region: r.part,
      issuer: null,
      parent: null,
      children: [],
      people: 0,
      minutes: 0,
    };
    parts.set(r.part, cell);
    cell.minutes += r.minutes;
    if (!seen.has(r.person)) {
      seen.add(r.person);
      cell.people++;
    }
  }
  return parts;
}

/** Whether an atom is part of a cell's figure (a part's own cell holds only that part's atoms). */
function inCell(tables: PeopleTables, atom: Atom, cell: Cell): boolean {
  if (cell.key.startsWith("own")) return atom.part === cell.region;
  if (cell.key.startsWith("atom")) return cell.key === `atom${atom.part}|${atom.issuers.join(",")}`;
  const chain = tables.chains.get(atom.part) ?? [WHOLE];
  return chain.includes(cell.region) && (cell.issuer === null || atom.issuers.includes(cell.issuer));
}

type Range = { cell: Cell; low: number; high: number; binding: string[] };

/** For each target cell, the smallest and largest value its atoms can sum to under the equations, and the equations that bound it. */
function ranges(highs: Highs, tables: PeopleTables, atoms: Atom[], equations: Equation[], targets: Cell[]): Range[] {
  if (targets.length === 0) return [];
  const model = highs.createModel();
  try {
    model.options.set({ output_flag: false });
    // A large bound rather than none: the solver then never meets an unbounded problem (everything withheld).
    model.addVars(
      atoms.map(() => 0),
      atoms.map(() => UNBOUNDED),
    );
    const rows: Cell[] = [];
    for (const { cell, lower, upper } of equations) {
      const indices = atoms.flatMap((a, i) => (inCell(tables, a, cell) ? [i] : []));
      if (!indices.length) continue;
      model.addRow(lower, Number.isFinite(upper) ? upper : highs.infinity, { indices, values: indices.map(() => 1) });
      rows.push(cell);
    }
    const codes = highs.constants.modelStatus;
    const run = () => {
      model.run();
      return model.getModelStatus();
    };
    const out: Range[] = [];
    let previous: number[] = [];
    for (const cell of targets) {
      const indices = atoms.flatMap((a, i) => (inCell(tables, a, cell) ? [i] : []));
      if (previous.length)
        model.changeColsCost(
          { kind: "set", indices: previous },
          previous.map(() => 0),
        );
      previous = indices;
      if (indices.length === 0) {
        out.push({ cell, low: 0, high: 0, binding: [] });
        continue;
      }
      const binding = new Set<string>();
      const solve = (sign: 1 | -1) => {
        model.changeColsCost(
          { kind: "set", indices },
          indices.map(() => sign),
        );
        let status = run();
        // Presolve sometimes cannot tell an unbounded problem from an infeasible one: ask again without it.
        if (status === codes.unknown || status === codes.unboundedOrInfeasible) {
          model.options.set({ presolve: "off" });
          status = run();
          model.options.set({ presolve: "choose" });
        }
        if (status === codes.unbounded || status === codes.unboundedOrInfeasible)
          return sign === 1 ? -Infinity : Infinity;
        if (status !== codes.optimal) throw new Error(`the auditor's solver stopped: status ${status}`);
        const duals = model.getSolution().rowDual;
        rows.forEach((row, i) => Math.abs(duals[i] ?? 0) > TOLERANCE && binding.add(row.key));
        return sign * model.getObjectiveValue();
      };
      out.push({ cell, low: solve(1), high: solve(-1), binding: [...binding] });
    }
    return out;
  } finally {
    model.dispose();
  }
}
