import "server-only";
import { writeAuditMany } from "@/lib/audit/write-audit";
import type { Prisma } from "@/lib/db/generated/client";
import { mandateSubjects } from "@/lib/flags/kinds/mandate-kinds";
import { chunk } from "@/lib/imports/planner";

type Tx = Prisma.TransactionClient;
const PART = 5000;

/**
 * Resolves the flags that exist only because of these mandates (their policy conflicts and their
 * forcing on residents) with the reason the mandates ended, so that a revocation or an end counts
 * as a clean-up; flags they share with other mandates are judged again by the recompute that follows.
 */
export async function resolveFlagsOfMandates(
  tx: Tx,
  mandateIds: number[],
  reason: string,
  decision: { reviewerId: number | null; reason: string | null },
): Promise<number> {
  if (mandateIds.length === 0) return 0;
  // In parts: a query holds at most 65,535 parameters, and a campaign may end 100,000 mandates on one day.
  if (mandateIds.length > PART) {
    let resolved = 0;
    for (const part of chunk(mandateIds, PART)) resolved += await resolveFlagsOfMandates(tx, part, reason, decision);
    return resolved;
  }
  const keys = mandateIds.flatMap((id) => [mandateSubjects.policyConflict(id), mandateSubjects.forced(id)]);
  const flags = await tx.flag.findMany({
    where: { subjectKey: { in: keys }, status: { in: ["open", "confirmed"] } },
    select: { id: true, provinceId: true, status: true },
  });
  if (flags.length === 0) return 0;
  await tx.flag.updateMany({
    where: { id: { in: flags.map((f) => f.id) } },
    data: { status: "resolved", resolvedReason: reason, version: { increment: 1 } },
  });
  if (decision.reviewerId !== null) {
    const reviewerId = decision.reviewerId;
    await tx.flagDecision.createMany({
      data: flags.map((f) => ({
        flagId: f.id,
        provinceId: f.provinceId,
        reviewerId,
        decision: "resolve",
        reason: decision.reason,
        detail: { via: reason },
      })),
    });
  }
  await writeAuditMany(
    tx,
    flags.map((f) => ({
      actorId: decision.reviewerId,
      action: "flag.resolve",
      entity: "flag",
      entityId: f.id,
      before: { status: f.status },
      after: { status: "resolved", reason },
    })),
  );
  return flags.length;
}
