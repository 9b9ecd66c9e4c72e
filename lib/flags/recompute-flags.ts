import "server-only";
import { assertCan, type Actor } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit/write-audit";
import { getDb } from "@/lib/db/client";
import type { Progress } from "@/lib/imports/import-types";
import type { Finding } from "./finding";
import { loadLedger } from "./load-ledger";
import { DETECTORS } from "./registry";
import { saveFindings, type RecomputeSummary } from "./save-findings";

export type { RecomputeSummary };

/** Recomputes every flag from the whole ledger, deterministically (see saveFindings for what is kept). */
export async function recomputeFlags(actor: Actor, options: { today?: Date; progress?: Progress } = {}): Promise<RecomputeSummary> {
  assertCan(actor, "admin:manage");
  const progress = options.progress ?? (() => {});
  const db = await getDb();
  const ledger = await loadLedger(db, options.today);
  const findings: Finding[] = [];
  DETECTORS.forEach((d, i) => {
    findings.push(...d.detect(ledger));
    progress(`detect ${d.kind}`, i + 1, DETECTORS.length);
  });
  const summary = await db.$transaction(
    async (tx) => {
      const s = await saveFindings(tx, findings, "all");
      await writeAudit(tx, { actorId: actor.userId, action: "flags.recompute", entity: "flags", after: s });
      return s;
    },
    { timeout: 60 * 60_000, maxWait: 60_000 },
  );
  progress("saved", findings.length, findings.length);
  return summary;
}
