"use server";
import { headers } from "next/headers";
import { clientAddress } from "@/lib/auth/sign-in-throttle";
import { publicAction } from "@/lib/actions/validated-action";
import { acceptInvitation } from "@/lib/invitations/invitations";
import { acceptInvitationSchema } from "@/lib/users/user.validation";

// Public: the invitation code itself is the credential, checked inside acceptInvitation.
export const acceptInvitationAction = publicAction(acceptInvitationSchema, async (input) =>
  acceptInvitation(input, new Date(), clientAddress(Object.fromEntries(await headers()))),
);
