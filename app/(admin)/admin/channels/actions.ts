"use server";
import { revalidatePath } from "next/cache";
import { validatedAction } from "@/lib/actions/validated-action";
import { editChannelSchema, proposalDecisionSchema } from "@/lib/channels/channel.validation";
import { reviewProposal } from "@/lib/channels/review-proposal";
import { editChannel } from "@/lib/channels/manage-channels";

export const editChannelAction = validatedAction("admin:manage", editChannelSchema, async (input, actor) => {
  await editChannel(actor, input);
  revalidatePath("/admin/channels", "layout");
  return true;
});

export const reviewProposalAction = validatedAction("admin:manage", proposalDecisionSchema, async (input, actor) => {
  const result = await reviewProposal(actor, input);
  revalidatePath("/admin/channels", "layout");
  return result;
});
