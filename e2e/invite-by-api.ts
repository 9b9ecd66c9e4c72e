import { randomBytes } from "node:crypto";
import { expect, type APIRequestContext } from "@playwright/test";
import { sendAction } from "./send-action";

/**
 * An account made the way an administrator adds one: the admin's request (signed in) creates an
 * invitation to the unit, and it is accepted with a fresh login. Returns that login.
 */
export async function inviteByApi(
  admin: APIRequestContext,
  invitation: { role: "STAFF" | "REVIEWER"; unitCode: string; name: string; password: string; loginPrefix: string },
): Promise<string> {
  const { role, unitCode, name, password } = invitation;
  const created = await sendAction(admin, "createInvitationAction", { role, unitCode, login: "" });
  const code = /"code":"([\w-]+)"/.exec(created.body)?.[1];
  expect(code, created.body.slice(-300)).toBeTruthy();
  const login = `${invitation.loginPrefix}${randomBytes(3).toString("hex")}`;
  const accepted = await sendAction(admin, "acceptInvitationAction", {
    code: code!,
    login,
    name,
    password,
    confirm: password,
  });
  expect(accepted.ok, accepted.body.slice(-300)).toBe(true);
  return login;
}
