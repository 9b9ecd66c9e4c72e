import "server-only";
import { authorize, type Actor } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit/write-audit";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { refreshFlagsAfterChange } from "@/lib/flags/refresh-flags";
import type { ProposalDecisionInput } from "./channel.validation";
import { mergeChannels } from "./merge-channels";

/**
 * Decides a channel proposed by staff: approved, it stays as it is; merged, it becomes an alias of
 * an existing channel and its reports move there; rejected, it is retired with the reason (its
 * reports stay, so the proposer's history can be explained). Nothing is deleted.
 */
export async function reviewProposal(
  actor: Actor,
  input: ProposalDecisionInput,
): Promise<{ decision: ProposalDecisionInput["decision"]; into: string | null }> {
  authorize(actor, "admin:manage");
  const db = await getDb();
  const result = await db.$transaction(async (tx) => {
    const c = await tx.channel.findUnique({
      where: { id: input.channelId },
      select: { id: true, name: true, status: true, version: true, proposedById: true, proposalReviewedAt: true },
    });
    if (!c || c.proposedById === null) throw new AppError("not_found");
    if (c.proposalReviewedAt || c.status !== "active")
      throw new AppError("conflict", { decision: ["proposal_already_reviewed"] });
    if (c.version !== input.version) throw new AppError("conflict");
    let into: string | null = null;
    if (input.decision === "merge")
      into = (await mergeChannels(tx, { winnerId: input.intoId!, loserId: c.id, actorId: actor.userId })).winner;
    const changed = await tx.channel.updateMany({
      where: { id: c.id },
      data: {
        proposalReviewedAt: new Date(),
        proposalNote: input.decision === "reject" ? input.reason! : null,
        ...(input.decision === "reject" ? { status: "retired" as const } : {}),
        version: { increment: 1 },
      },
    });
    if (changed.count !== 1) throw new AppError("conflict");
    await writeAudit(tx, {
      actorId: actor.userId,
      action: `channel.proposal.${input.decision}`,
      entity: "channel",
      entityId: c.id,
      before: { name: c.name, status: c.status },
      after: { into, reason: input.reason ?? null },
    });
    return { decision: input.decision, into };
  });
  if (input.decision !== "approve") await refreshFlagsAfterChange(`channel.proposal.${input.decision}`);
  return result;
}
