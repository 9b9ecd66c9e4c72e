import { AppError } from "@/lib/errors";
import { can, type Permission, type RoleName } from "./permissions";
import type { SessionUser } from "./session-user";

/**
 * Who is acting: a signed-in person (from requireActor / requirePageActor) or the operator at the
 * machine running the command line, who already holds the database and acts as an administrator.
 * Every command of lib/ takes an Actor first and calls authorize (or authorizePerson) first.
 */
export type Actor = {
  userId: number | null;
  role: RoleName;
  via: "web" | "cli";
  user?: SessionUser;
  /** The primary's write position after this person's last write: their reads wait for a standby to reach it. */
  readAfter?: string | null;
};

/** An actor from a signed-in session: the person is known. */
export type PersonActor = Actor & { user: SessionUser };

export function actorFromUser(user: SessionUser, readAfter: string | null = null): PersonActor {
  return { userId: user.id, role: user.role, via: "web", user, readAfter };
}

export const CLI_ACTOR: Actor = { userId: null, role: "ADMIN", via: "cli" };

/**
 * The one check: the actor's role holds the permission in the table (lib/auth/permissions.ts).
 * Returns the person acting, or null for the operator at the command line.
 */
export function authorize(actor: Actor, permission: Permission): SessionUser | null {
  if (!can(actor.role, permission)) throw new AppError("forbidden");
  return actor.user ?? null;
}

/**
 * The same check for commands that act as a person — their own reports, a reviewer's
 * jurisdiction — where the operator at the command line, who is nobody in the tree, is refused.
 */
export function authorizePerson(actor: Actor, permission: Permission): SessionUser {
  const user = authorize(actor, permission);
  if (!user) throw new AppError("forbidden");
  return user;
}
