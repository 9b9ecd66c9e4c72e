"use server";
import { revalidatePath } from "next/cache";
import { validatedAction, type ActionState } from "@/lib/actions/validated-action";
import { actorFromUser } from "@/lib/auth/actor";
import { editChannelSchema, proposalDecisionSchema } from "@/lib/channels/channel.validation";
import { reviewProposal } from "@/lib/channels/review-proposal";
import { editChannel } from "@/lib/channels/manage-channels";

const edit = validatedAction("admin:manage", editChannelSchema, async (input, user) => {
  await editChannel(actorFromUser(user), input);
  revalidatePath("/admin/channels", "layout");
  return true;
});

export async function editChannelAction(prev: ActionState<boolean>, formData: FormData) {
  return edit(prev, formData);
}

const review = validatedAction("admin:manage", proposalDecisionSchema, async (input, user) => {
  const result = await reviewProposal(actorFromUser(user), input);
  revalidatePath("/admin/channels", "layout");
  return result;
});

export async function reviewProposalAction(prev: ActionState<{ decision: "approve" | "merge" | "reject"; into: string | null }>, formData: FormData) {
  return review(prev, formData);
}
