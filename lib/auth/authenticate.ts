import "server-only";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { hashPassword, verifyPassword } from "./password";
import { addressBlocked, recordFailedSignIn } from "./sign-in-throttle";

const MAX_FAILURES = 5;
const LOCK_MINUTES = 15;

export const credentialsSchema = z.object({
  login: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});

export type AuthenticatedUser = { id: string; login: string; name: string; role: string; sessionVersion: number };

/** A hash of nothing anyone knows, to check against when there is no real one: every attempt costs one scrypt. */
let decoy: Promise<string> | undefined;

/**
 * Checks a login and password; counts failures and locks the account for a while after too many,
 * and refuses every attempt from an address that has failed too often lately (any account).
 * Every attempt does the same work — one password hash checked, the account read and written —
 * whether the login exists, is locked or disabled, or the address is refused, so the time an
 * answer takes tells nothing of which (skipping the hash would answer an unknown login faster).
 */
export async function authenticate(
  input: unknown,
  now = new Date(),
  address = "unknown",
): Promise<AuthenticatedUser | null> {
  const blocked = await addressBlocked(address, now.getTime());
  const user = await checkCredentials(input, now, blocked);
  if (!user && !blocked) await recordFailedSignIn(address, now.getTime());
  return user;
}

async function checkCredentials(input: unknown, now: Date, blocked: boolean): Promise<AuthenticatedUser | null> {
  decoy ??= hashPassword(`decoy ${Math.random()}`);
  const parsed = credentialsSchema.safeParse(input);
  const db = await getDb();
  const user = await db.user.findUnique({
    where: { login: parsed.success ? parsed.data.login : "" },
    omit: { passwordHash: false },
  });
  const usable =
    parsed.success &&
    user &&
    !user.disabled &&
    user.passwordHash &&
    !(user.lockedUntil && user.lockedUntil > now) &&
    !blocked;
  const matches = await verifyPassword(
    parsed.success ? parsed.data.password : "",
    usable ? user.passwordHash : await decoy,
  );
  if (!usable || !user) {
    // The same write a wrong password costs, on no row.
    await db.user.updateMany({ where: { id: -1 }, data: { failedSignIns: 0 } });
    return null;
  }
  if (!matches) {
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
  return {
    id: String(user.id),
    login: user.login,
    name: user.name,
    role: user.role,
    sessionVersion: user.sessionVersion,
  };
}
