"use server";
import { revalidatePath } from "next/cache";
import { validatedAction, type ActionState } from "@/lib/actions/validated-action";
import { actorFromUser } from "@/lib/auth/actor";
import { editChannelSchema } from "@/lib/channels/channel.validation";
import { editChannel } from "@/lib/channels/manage-channels";

const edit = validatedAction("admin:manage", editChannelSchema, async (input, user) => {
  await editChannel(actorFromUser(user), input);
  revalidatePath("/admin/channels");
  return true;
});

export async function editChannelAction(prev: ActionState<boolean>, formData: FormData) {
  return edit(prev, formData);
}
