"use server";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { assertSameOrigin } from "@/lib/actions/same-origin";
import { getCurrentUser } from "./current-user";
import { endAllSessions } from "./end-sessions";
import { SESSION_COOKIES } from "./session-cookies";

/**
 * Signing out as a plain form (no client JavaScript, so the public page ships none for it): ends
 * every session of the user, removes this browser's cookie and returns to the public page.
 */
export async function signOutAction(): Promise<void> {
  await assertSameOrigin();
  const user = await getCurrentUser();
  if (user) await endAllSessions(user.id);
  const jar = await cookies();
  for (const name of SESSION_COOKIES) jar.delete(name);
  redirect("/");
}
