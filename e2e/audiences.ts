import type { APIRequestContext } from "@playwright/test";
import { signInByApi } from "./fixtures";
import { inviteByApi } from "./invite-by-api";

/*
 * The six audiences of the authorization matrix. The demo gives anonymous, staff (of 前园村),
 * reviewer (of 清河县) and admin; staff of another unit (青石村) and a reviewer of another subtree
 * (桃源乡, inside the same county, so only the subtree separates them) are invited here through the
 * admin's own actions, as a real administrator would add them.
 */
export const AUDIENCES = ["anonymous", "staff", "staffB", "reviewer", "reviewerElsewhere", "admin"] as const;
export type Audience = (typeof AUDIENCES)[number];

const PASSWORD = "matrix-pass-2026";
const logins: Partial<Record<Audience, string>> = { staff: "staff", reviewer: "reviewer", admin: "admin" };

const invite = (request: APIRequestContext, role: "STAFF" | "REVIEWER", unitCode: string) =>
  inviteByApi(request, {
    role,
    unitCode,
    name: "矩阵测试",
    password: PASSWORD,
    loginPrefix: `mx${role.toLowerCase()}`,
  });

/** Creates the two invited audiences once per run (the admin's request context signs in as admin). */
export async function prepareAudiences(adminRequest: APIRequestContext): Promise<void> {
  if (logins.staffB) return;
  await signInByApi(adminRequest, "admin");
  logins.staffB = await invite(adminRequest, "STAFF", "339900002001");
  logins.reviewerElsewhere = await invite(adminRequest, "REVIEWER", "339900005");
}

/** Signs `request` in as `who` (anonymous: nothing). */
export async function signInAsAudience(request: APIRequestContext, who: Audience): Promise<void> {
  if (who === "anonymous") return;
  const login = logins[who];
  if (!login) throw new Error(`prepareAudiences first (${who})`);
  await signInByApi(request, login, who === "staffB" || who === "reviewerElsewhere" ? PASSWORD : undefined);
}
