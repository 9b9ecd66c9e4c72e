"use server";
import { revalidatePath } from "next/cache";
import { validatedAction } from "@/lib/actions/validated-action";
import { bulkDecisionSchema, decisionSchema, mergeSchema } from "@/lib/review/decision.validation";
import { decideFlag, decideFlags, mergeFromFlag } from "@/lib/review/decide-flag";
import { caseOwnerSchema } from "@/lib/review/case-owner.validation";
import { setCaseOwner } from "@/lib/review/case-owners";

export const decideFlagAction = validatedAction("review:decide", decisionSchema, async (input, actor) => {
  const result = await decideFlag(actor, input);
  revalidatePath("/review", "layout");
  return { status: result.status as string };
});

export const decideFlagsAction = validatedAction(
  "review:decide",
  bulkDecisionSchema,
  async (input, actor) => {
    const result = await decideFlags(actor, input);
    revalidatePath("/review", "layout");
    return result;
  },
  { arrays: ["flagIds"] },
);

export const mergeChannelsAction = validatedAction("review:decide", mergeSchema, async (input, actor) => {
  const { winner, loser } = await mergeFromFlag(actor, input);
  revalidatePath("/review", "layout");
  return { winner, loser };
});

export const setCaseOwnerAction = validatedAction("review:decide", caseOwnerSchema, async (input, actor) => {
  const owner = await setCaseOwner(actor, input);
  revalidatePath("/review/cases", "layout");
  return { owner: owner.name, self: owner.id === actor.user.id };
});
