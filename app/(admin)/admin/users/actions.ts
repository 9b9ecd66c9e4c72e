"use server";
import { revalidatePath } from "next/cache";
import { validatedAction, type ActionState } from "@/lib/actions/validated-action";
import { actorFromUser } from "@/lib/auth/actor";
import { createInvitation } from "@/lib/invitations/invitations";
import { moveStaff } from "@/lib/users/move-staff";
import { updateUser } from "@/lib/users/users";
import { createInvitationSchema, moveStaffSchema, updateUserSchema } from "@/lib/users/user.validation";

const invite = validatedAction("admin:manage", createInvitationSchema, (input, user) => createInvitation(actorFromUser(user), input));

export async function createInvitationAction(prev: ActionState<{ code: string; expiresAt: string; unitName: string }>, formData: FormData) {
  return invite(prev, formData);
}

const update = validatedAction("admin:manage", updateUserSchema, async (input, user) => {
  await updateUser(actorFromUser(user), input);
  revalidatePath("/admin/users");
  return true;
});

export async function updateUserAction(prev: ActionState<boolean>, formData: FormData) {
  return update(prev, formData);
}

const move = validatedAction("admin:manage", moveStaffSchema, async (input, user) => {
  const result = await moveStaff(actorFromUser(user), input);
  revalidatePath("/admin/users");
  return result;
});

export async function moveStaffAction(prev: ActionState<{ closed: number }>, formData: FormData) {
  return move(prev, formData);
}
