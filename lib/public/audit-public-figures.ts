import "server-only";
import { authorize, type Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db/client";
import { getThresholds } from "@/lib/settings/thresholds";
import { assembleSnapshot, peopleOf } from "./build-snapshot";
import { auditSnapshot, type SnapshotAudit } from "./audit-snapshot";
import { countMandates } from "./mandate-figures";
import { readPublicLedger } from "./read-public-ledger";

/**
 * The auditor against the ledger as it is now: the figures a release would publish, read back from
 * that snapshot and attacked by linear programming (`npm run cli -- public audit`).
 */
export async function auditPublicFigures(actor: Actor): Promise<SnapshotAudit & { reports: number }> {
  authorize(actor, "admin:manage");
  const db = await getDb();
  const { values } = await getThresholds();
  return db.$transaction(
    async (tx) => {
      const ledger = await readPublicLedger(tx, values.publicFloor);
      const figures = await assembleSnapshot(tx, ledger, values, new Date());
      const audit = await auditSnapshot(
        figures,
        peopleOf(ledger, countMandates(ledger.mandates, ledger.tree)),
        ledger.units,
      );
      return { ...audit, reports: ledger.reports.length };
    },
    { isolationLevel: "RepeatableRead", timeout: 30 * 60_000 },
  );
}
