import "server-only";
import { authorizePerson, type Actor } from "@/lib/auth/actor";
import type { SessionUser } from "@/lib/auth/session-user";
import { writeAudit } from "@/lib/audit/write-audit";
import { mergeChannels, type MergeSummary } from "@/lib/channels/merge-channels";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { refreshFlagsAfterChange } from "@/lib/flags/refresh-flags";
import type { BulkDecisionInput, DecisionInput, MergeInput } from "./decision.validation";
import { recommendationsFor, type FlagStatusCode } from "./flag-vocabulary";
import { flagsInJurisdiction, notFound, unitsInJurisdiction } from "./jurisdiction";

type Tx = Prisma.TransactionClient;
type Decision = DecisionInput["decision"] | "merge";

/** From which statuses each decision may be taken, and the status it leads to. */
const TRANSITIONS: Record<Decision, { from: FlagStatusCode[]; to: FlagStatusCode }> = {
  confirm: { from: ["open", "dismissed"], to: "confirmed" },
  dismiss: { from: ["open", "confirmed"], to: "dismissed" },
  recommend: { from: ["open", "confirmed"], to: "confirmed" },
  assign: { from: ["open", "confirmed"], to: "confirmed" },
  resolve: { from: ["open", "confirmed"], to: "resolved" },
  merge: { from: ["open", "confirmed"], to: "resolved" },
};

async function findInJurisdiction(tx: Tx, user: SessionUser, flagId: number) {
  return (await tx.flag.findFirst({ where: { AND: [{ id: flagId }, flagsInJurisdiction(user)] } })) ?? notFound();
}

/** The second of two reviewers deciding one flag is told what the first did; nothing is overwritten. */
function changedMeanwhile(status: string): never {
  throw new AppError("conflict", { decision: [`flag_now_${status}`] });
}

async function record(
  tx: Tx,
  user: SessionUser,
  flag: { id: number; provinceId: number; status: string; version: number },
  decision: Decision,
  data: Prisma.FlagUpdateManyMutationInput,
  entry: { reason?: string | null; detail?: Record<string, unknown> },
) {
  const to = TRANSITIONS[decision].to;
  const changed = await tx.flag.updateMany({
    where: { id: flag.id, version: flag.version },
    data: { ...data, status: to, version: { increment: 1 } },
  });
  if (changed.count !== 1) changedMeanwhile((await tx.flag.findFirstOrThrow({ where: { id: flag.id } })).status);
  await tx.flagDecision.create({
    data: {
      flagId: flag.id,
      provinceId: flag.provinceId,
      reviewerId: user.id,
      decision,
      reason: entry.reason ?? null,
      detail: (entry.detail ?? undefined) as Prisma.InputJsonValue | undefined,
    },
  });
  await writeAudit(tx, {
    actorId: user.id,
    action: `flag.${decision}`,
    entity: "flag",
    entityId: flag.id,
    before: { status: flag.status },
    after: { status: to, reason: entry.reason ?? null, ...entry.detail },
  });
}

/** The department a rectification goes to: one behind the flags, or a unit of the reviewer's own subtree. */
async function issuerFor(tx: Tx, user: SessionUser, code: string, behind: number[]) {
  const issuer = await tx.unit.findFirst({
    where: { code, retiredAt: null, OR: [{ id: { in: behind } }, unitsInJurisdiction(user)] },
    select: { id: true, code: true },
  });
  if (!issuer) throw new AppError("invalid_input", { issuer: ["unknown_unit"] });
  return issuer;
}

/** One decision on one flag of the reviewer's subtree (brief §6). */
export async function decideFlag(actor: Actor, input: DecisionInput): Promise<{ status: FlagStatusCode }> {
  const user = authorizePerson(actor, "review:decide");
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const flag = await findInJurisdiction(tx, user, input.flagId);
    if (flag.version !== input.version) changedMeanwhile(flag.status);
    if (!TRANSITIONS[input.decision].from.includes(flag.status))
      throw new AppError("invalid_input", { decision: [`not_from_${flag.status}`] });
    switch (input.decision) {
      case "confirm":
        await record(tx, user, flag, "confirm", {}, { reason: input.note || null });
        break;
      case "dismiss":
        await record(tx, user, flag, "dismiss", {}, { reason: input.reason });
        break;
      case "recommend":
        if (!recommendationsFor(flag.kind).includes(input.action))
          throw new AppError("invalid_input", { action: ["not_for_this_kind"] });
        await record(tx, user, flag, "recommend", {}, { reason: input.note || null, detail: { action: input.action } });
        break;
      case "assign": {
        const issuer = await issuerFor(tx, user, input.issuer, flag.issuerIds);
        await record(
          tx,
          user,
          flag,
          "assign",
          { assignedIssuerId: issuer.id, deadline: new Date(`${input.deadline}T00:00:00Z`) },
          { reason: input.note || null, detail: { issuer: issuer.code, deadline: input.deadline } },
        );
        break;
      }
      case "resolve":
        await record(tx, user, flag, "resolve", { resolvedReason: "reviewer" }, { reason: input.evidence });
        break;
    }
    return { status: TRANSITIONS[input.decision].to };
  });
}

/** The same decision on a selection: all inside the subtree or nothing; flags already past it are skipped. */
export async function decideFlags(
  actor: Actor,
  input: BulkDecisionInput,
): Promise<{ changed: number; skipped: number }> {
  const user = authorizePerson(actor, "review:decide");
  const db = await getDb();
  const ids = [...new Set(input.flagIds)];
  return db.$transaction(async (tx) => {
    const flags = await tx.flag.findMany({ where: { AND: [{ id: { in: ids } }, flagsInJurisdiction(user)] } });
    if (flags.length !== ids.length) notFound();
    let data: Prisma.FlagUpdateManyMutationInput = input.decision === "resolve" ? { resolvedReason: "reviewer" } : {};
    let detail: Record<string, unknown> = { bulk: true };
    if (input.decision === "assign") {
      const issuer = await issuerFor(
        tx,
        user,
        input.issuer ?? "",
        flags.flatMap((f) => f.issuerIds),
      );
      data = { assignedIssuerId: issuer.id, deadline: new Date(`${input.deadline}T00:00:00Z`) };
      detail = { bulk: true, issuer: issuer.code, deadline: input.deadline };
    }
    let changed = 0;
    for (const flag of flags) {
      if (!TRANSITIONS[input.decision].from.includes(flag.status)) continue;
      await record(tx, user, flag, input.decision, data, { reason: input.reason || null, detail });
      changed++;
    }
    return { changed, skipped: flags.length - changed };
  });
}

/** Merges the two channels of a duplicate flag (a reviewer of the flag's subtree may); the flags follow. */
export async function mergeFromFlag(actor: Actor, input: MergeInput): Promise<MergeSummary> {
  const user = authorizePerson(actor, "review:decide");
  const db = await getDb();
  const summary = await db.$transaction(async (tx) => {
    const flag = await findInJurisdiction(tx, user, input.flagId);
    if (flag.kind !== "duplicate_channel") throw new AppError("invalid_input", { decision: ["not_a_duplicate"] });
    if (flag.version !== input.version) changedMeanwhile(flag.status);
    if (!TRANSITIONS.merge.from.includes(flag.status))
      throw new AppError("invalid_input", { decision: [`not_from_${flag.status}`] });
    if (!flag.channelIds.includes(input.winnerId) || !flag.channelIds.includes(input.loserId))
      throw new AppError("invalid_input", { winnerId: ["invalid_choice"] });
    const merged = await mergeChannels(tx, { winnerId: input.winnerId, loserId: input.loserId, actorId: user.id });
    await record(
      tx,
      user,
      flag,
      "merge",
      { resolvedReason: "merged" },
      { detail: { winner: merged.winner, loser: merged.loser } },
    );
    return merged;
  });
  await refreshFlagsAfterChange("channel.merge");
  return summary;
}
