import { auditDisclosure, type AuditResult } from "./disclosure-audit";
import type { PublicFigures } from "./build-snapshot";
import { buildPeopleTables, publishedHours, WHOLE, type PeopleLedger } from "./people-tables";
import type { PublicUnit } from "./read-public-ledger";

export type SnapshotAudit = AuditResult & { figuresChecked: number; mismatches: string[] };

/**
 * Audits what a snapshot publishes, read back from the snapshot itself: each region's staff count
 * and hours, and each department's hours in each region, either published (and then they must be
 * the true figure) or withheld (null). The withheld ones are handed to the auditor, which tries to
 * narrow them from all the published ones together.
 */
export async function auditSnapshot(
  { snapshot, details }: PublicFigures,
  people: PeopleLedger,
  units: Map<number, PublicUnit>,
): Promise<SnapshotAudit> {
  const tables = buildPeopleTables(people);
  const codeOf = (region: number) => (region === WHOLE ? "" : units.get(region)!.code);
  const withheld = new Set<string>();
  const mismatches: string[] = [];
  let figuresChecked = 0;
  for (const cell of tables.cells.values()) {
    const code = codeOf(cell.region);
    const shown =
      cell.issuer === null
        ? code === ""
          ? snapshot.summary
          : snapshot.regions[code]
        : details.get(code)?.issuers.find((i) => i.code === units.get(cell.issuer!)?.code);
    if (!shown) {
      if (cell.people > 0) mismatches.push(`${cell.key}: not in the snapshot`);
      continue;
    }
    figuresChecked++;
    if (shown.hoursPerWeek === null) {
      withheld.add(cell.key);
      continue;
    }
    if (shown.hoursPerWeek !== publishedHours(cell.minutes))
      mismatches.push(`${cell.key}: ${shown.hoursPerWeek} hours published, ${publishedHours(cell.minutes)} true`);
    if ("reporters" in shown && shown.reporters !== cell.people)
      mismatches.push(`${cell.key}: ${shown.reporters} reporters published, ${cell.people} true`);
    if (cell.people > 0 && cell.people < snapshot.threshold)
      mismatches.push(`${cell.key}: published from ${cell.people} people`);
  }
  const audit = await auditDisclosure(people, tables, withheld, snapshot.threshold);
  return { ...audit, figuresChecked, mismatches };
}
