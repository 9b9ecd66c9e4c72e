import { AppError } from "@/lib/errors";
import { can, type Permission, type RoleName } from "./permissions";
import type { SessionUser } from "./session-user";

/**
 * Who is acting: a signed-in user (from requireUser) or the operator at the machine running the
 * CLI, who already holds the database and acts as an administrator. Commands take an Actor and
 * check it with assertCan before touching data.
 */
export type Actor = { userId: number | null; role: RoleName; via: "web" | "cli"; user?: SessionUser };

export function actorFromUser(user: SessionUser): Actor {
  return { userId: user.id, role: user.role, via: "web", user };
}

export const CLI_ACTOR: Actor = { userId: null, role: "ADMIN", via: "cli" };

export function assertCan(actor: Actor, permission: Permission): void {
  if (!can(actor.role, permission)) throw new AppError("forbidden");
}
