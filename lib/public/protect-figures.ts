import { auditDisclosure } from "./disclosure-audit";
import type { PeopleLedger, PeopleTables } from "./people-tables";
import { withholdCells } from "./suppress";

export type Protection = { withheld: Set<string>; rounds: number; addedByAuditor: number; audited: boolean };

/** Past this many pieces the auditor's linear programs take minutes; suppress.ts's rules alone then decide. */
const AUDIT_LIMIT = 20_000;
const MAX_ROUNDS = 40;

/**
 * Which people figures a release withholds: the rules of suppress.ts, then the auditor. The rules
 * protect staff counts and keep every withheld figure from being worked out exactly; the auditor
 * also finds hours narrowed to a range smaller than themselves (one person's many hours beside
 * colleagues who report none, say). For each, one of the published figures that bound the range is
 * withheld too — a department before a region, the smallest first — and the whole is checked again.
 * Should that not settle, every department figure is withheld: the regions alone are a tree, which
 * the rules protect.
 */
export async function protectPeopleFigures(
  ledger: PeopleLedger,
  tables: PeopleTables,
  threshold: number,
): Promise<Protection> {
  const base = withholdCells(ledger, tables, threshold);
  if (ledger.reports.length > AUDIT_LIMIT * 10 || tables.cells.size > AUDIT_LIMIT)
    return { withheld: base, rounds: 0, addedByAuditor: 0, audited: false };
  const asked = new Set<string>();
  for (let round = 1; round <= MAX_ROUNDS; round++) {
    const withheld = withholdCells(ledger, tables, threshold, asked);
    const { findings } = await auditDisclosure(ledger, tables, withheld, threshold);
    if (findings.length === 0) return { withheld, rounds: round, addedByAuditor: asked.size, audited: true };
    const before = asked.size;
    for (const finding of findings) {
      const widen = finding.binding
        .map((key) => tables.cells.get(key)!)
        .filter((c) => !withheld.has(c.key) && !asked.has(c.key) && c.people > 0)
        .sort(
          (a, b) =>
            (a.issuer === null ? 1 : 0) - (b.issuer === null ? 1 : 0) ||
            a.people - b.people ||
            (a.key < b.key ? -1 : 1),
        )[0];
      if (widen) asked.add(widen.key);
    }
    if (asked.size === before) break;
  }
  const departments = [...tables.cells.values()].filter((c) => c.issuer !== null).map((c) => c.key);
  return {
    withheld: withholdCells(ledger, tables, threshold, [...asked, ...departments]),
    rounds: MAX_ROUNDS,
    addedByAuditor: asked.size + departments.length,
    audited: true,
  };
}
