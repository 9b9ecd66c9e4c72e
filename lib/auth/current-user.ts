import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { decode } from "next-auth/jwt";
import { forbidden, redirect } from "next/navigation";
import { resolveAuthSecret } from "./secret";
import { SESSION_COOKIES } from "./session-cookies";
import { can, type Permission } from "./permissions";
import { loadSessionUser, type SessionUser } from "./session-user";
import { actorFromUser, type PersonActor } from "./actor";
import { AppError } from "@/lib/errors";
import { lastWrite } from "./read-your-writes";

/** The signed-in user of this request, read once per request; null when anonymous or revoked. */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const jar = await cookies();
  const raw = SESSION_COOKIES.map((n) => jar.get(n)?.value).find(Boolean);
  if (!raw) return null;
  let token;
  try {
    token = await decode({ token: raw, secret: resolveAuthSecret() });
  } catch {
    return null;
  }
  return loadSessionUser(token as { uid?: unknown; sv?: unknown } | null);
});

/**
 * The person acting in this request, as an Actor for lib/ commands (route handlers and server
 * actions): throws an AppError that they turn into 401 / 403.
 */
export async function requireActor(permission: Permission): Promise<PersonActor> {
  const user = await getCurrentUser();
  if (!user) throw new AppError("unauthenticated");
  if (!can(user.role, permission)) throw new AppError("forbidden");
  return actorFromUser(user, await lastWrite());
}

/** For pages: anonymous visitors go to sign-in, signed-in people without the permission get 403. */
export async function requirePageActor(permission: Permission, from: string): Promise<PersonActor> {
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?next=${encodeURIComponent(from)}`);
  if (!can(user.role, permission)) forbidden();
  return actorFromUser(user, await lastWrite());
}
