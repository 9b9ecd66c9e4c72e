import "server-only";
import type { SessionUser } from "@/lib/auth/session-user";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";

/**
 * The subtree a reviewer answers for: an administrator the whole tree ("/"), a reviewer the
 * subtree under their jurisdiction root. A reviewer without one sees nothing (fail closed).
 */
export function reviewRoot(user: SessionUser): string | null {
  if (user.role === "ADMIN") return "/";
  if (user.role === "REVIEWER") return user.jurisdictionPath;
  return null;
}

/** Flags the user may see: scoped to a unit inside their subtree (the whole tree sees every flag). */
export function flagsInJurisdiction(user: SessionUser): Prisma.FlagWhereInput {
  const root = reviewRoot(user);
  if (root === "/") return {};
  if (!root) return { id: -1 };
  return { scopeUnit: { path: { startsWith: root } } };
}

/** Units the user may name (filters, issuers to assign): inside the subtree, or any for the whole tree. */
export function unitsInJurisdiction(user: SessionUser): Prisma.UnitWhereInput {
  const root = reviewRoot(user);
  if (root === "/") return {};
  if (!root) return { id: -1 };
  return { path: { startsWith: root } };
}

/** Refuses what lies outside the reviewer's subtree as if it did not exist (no hint that it does). */
export function notFound(): never {
  throw new AppError("not_found");
}
