"use server";
import { validatedAction } from "@/lib/actions/validated-action";
import { editChannelSchema, proposalDecisionSchema } from "@/lib/channels/channel.validation";
import { reviewProposal } from "@/lib/channels/review-proposal";
import { editChannel } from "@/lib/channels/manage-channels";

export const editChannelAction = validatedAction(
  "admin:manage",
  editChannelSchema,
  async (input, actor) => {
    await editChannel(actor, input);
    return true;
  },
  { refresh: "/admin/channels/*" },
);

export const reviewProposalAction = validatedAction(
  "admin:manage",
  proposalDecisionSchema,
  (input, actor) => reviewProposal(actor, input),
  { refresh: "/admin/channels/*" },
);
