"use server";
import { validatedAction } from "@/lib/actions/validated-action";
import { createInvitation } from "@/lib/invitations/invitations";
import { moveStaff } from "@/lib/users/move-staff";
import { updateUser } from "@/lib/users/users";
import { createInvitationSchema, moveStaffSchema, updateUserSchema } from "@/lib/users/user.validation";

export const createInvitationAction = validatedAction("admin:manage", createInvitationSchema, createInvitation);

export const updateUserAction = validatedAction("admin:manage", updateUserSchema, updateUser, {
  refresh: "/admin/users",
});

export const moveStaffAction = validatedAction("admin:manage", moveStaffSchema, moveStaff, { refresh: "/admin/users" });
