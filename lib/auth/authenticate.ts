import "server-only";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { verifyPassword } from "./password";
import { addressBlocked, recordFailedSignIn } from "./sign-in-throttle";

const MAX_FAILURES = 5;
const LOCK_MINUTES = 15;

export const credentialsSchema = z.object({
  login: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});

export type AuthenticatedUser = { id: string; login: string; name: string; role: string; sessionVersion: number };

/**
 * Checks a login and password; counts failures and locks the account for a while after too many,
 * and refuses every attempt from an address that has failed too often lately (any account).
 */
export async function authenticate(input: unknown, now = new Date(), address = "unknown"): Promise<AuthenticatedUser | null> {
  if (addressBlocked(address, now.getTime())) return null;
  const user = await checkCredentials(input, now);
  if (!user) recordFailedSignIn(address, now.getTime());
  return user;
}

async function checkCredentials(input: unknown, now: Date): Promise<AuthenticatedUser | null> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return null;
  const db = await getDb();
  const user = await db.user.findUnique({
    where: { login: parsed.data.login },
    omit: { passwordHash: false },
  });
  if (!user || user.disabled || !user.passwordHash) return null;
  if (user.lockedUntil && user.lockedUntil > now) return null;
  if (!(await verifyPassword(parsed.data.password, user.passwordHash))) {
    const failures = user.failedSignIns + 1;
    await db.user.update({
      where: { id: user.id },
      data: {
        failedSignIns: failures >= MAX_FAILURES ? 0 : failures,
        lockedUntil: failures >= MAX_FAILURES ? new Date(now.getTime() + LOCK_MINUTES * 60_000) : null,
      },
    });
    return null;
  }
  if (user.failedSignIns > 0 || user.lockedUntil) {
    await db.user.update({ where: { id: user.id }, data: { failedSignIns: 0, lockedUntil: null } });
  }
  return { id: String(user.id), login: user.login, name: user.name, role: user.role, sessionVersion: user.sessionVersion };
}
