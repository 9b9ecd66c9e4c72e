"use server";
import { revalidatePath } from "next/cache";
import { validatedAction, type ActionState } from "@/lib/actions/validated-action";
import { bulkDecisionSchema, decisionSchema, mergeSchema } from "@/lib/review/decision.validation";
import { decideFlag, decideFlags, mergeFromFlag } from "@/lib/review/decide-flag";
import { caseOwnerSchema } from "@/lib/review/case-owner.validation";
import { setCaseOwner } from "@/lib/review/case-owners";

const decide = validatedAction("review:decide", decisionSchema, async (input, user) => {
  const result = await decideFlag(user, input);
  revalidatePath("/review", "layout");
  return { status: result.status as string };
});

const decideMany = validatedAction(
  "review:decide",
  bulkDecisionSchema,
  async (input, user) => {
    const result = await decideFlags(user, input);
    revalidatePath("/review", "layout");
    return result;
  },
  { arrays: ["flagIds"] },
);

const merge = validatedAction("review:decide", mergeSchema, async (input, user) => {
  const { winner, loser } = await mergeFromFlag(user, input);
  revalidatePath("/review", "layout");
  return { winner, loser };
});

const own = validatedAction("review:decide", caseOwnerSchema, async (input, user) => {
  const owner = await setCaseOwner(user, input);
  revalidatePath("/review/cases", "layout");
  return { owner: owner.name, self: owner.id === user.id };
});

export async function decideFlagAction(prev: ActionState<{ status: string }>, formData: FormData) {
  return decide(prev, formData);
}

export async function decideFlagsAction(prev: ActionState<{ changed: number; skipped: number }>, formData: FormData) {
  return decideMany(prev, formData);
}

export async function mergeChannelsAction(prev: ActionState<{ winner: string; loser: string }>, formData: FormData) {
  return merge(prev, formData);
}

export async function setCaseOwnerAction(prev: ActionState<{ owner: string; self: boolean }>, formData: FormData) {
  return own(prev, formData);
}
