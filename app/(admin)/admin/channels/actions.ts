"use server";
import { validatedAction } from "@/lib/actions/validated-action";
import { editChannelSchema, proposalDecisionSchema } from "@/lib/channels/channel.validation";
import { reviewProposal } from "@/lib/channels/review-proposal";
import { editChannel } from "@/lib/channels/manage-channels";

export const editChannelAction = validatedAction("admin:manage", editChannelSchema, editChannel, {
  refresh: "/admin/channels/*",
});

export const reviewProposalAction = validatedAction("admin:manage", proposalDecisionSchema, reviewProposal, {
  refresh: "/admin/channels/*",
});
