"use server";
import { validatedAction } from "@/lib/actions/validated-action";
import { bulkDecisionSchema, decisionSchema, mergeSchema } from "@/lib/review/decision.validation";
import { decideFlag, decideFlags, mergeFromFlag } from "@/lib/review/decide-flag";
import { caseOwnerSchema } from "@/lib/review/case-owner.validation";
import { setCaseOwner } from "@/lib/review/case-owners";

export const decideFlagAction = validatedAction(
  "review:decide",
  decisionSchema,
  async (actor, input) => ({ status: (await decideFlag(actor, input)).status as string }),
  { refresh: "/review/*" },
);

export const decideFlagsAction = validatedAction("review:decide", bulkDecisionSchema, decideFlags, {
  arrays: ["flagIds"],
  refresh: "/review/*",
});

export const mergeChannelsAction = validatedAction(
  "review:decide",
  mergeSchema,
  async (actor, input) => {
    const { winner, loser } = await mergeFromFlag(actor, input);
    return { winner, loser };
  },
  { refresh: "/review/*" },
);

export const setCaseOwnerAction = validatedAction(
  "review:decide",
  caseOwnerSchema,
  async (actor, input) => {
    const owner = await setCaseOwner(actor, input);
    return { owner: owner.name, self: owner.id === actor.user.id };
  },
  { refresh: "/review/cases/*" },
);
