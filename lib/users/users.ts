import "server-only";
import { ACCOUNT_FIELDS } from "@/lib/auth/session-user";
import { authorize, type Actor } from "@/lib/auth/actor";
import type { RoleName } from "@/lib/auth/permissions";
import { writeAudit } from "@/lib/audit/write-audit";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { searchTerm } from "@/lib/validation/search-term";

export type UserRow = {
  id: number;
  login: string;
  name: string;
  role: RoleName;
  place: string | null;
  /** pending: made by a first single sign-on, waiting for an administrator to enable it. */
  status: "active" | "disabled" | "pending" | "inactive" | "locked";
};

export const USERS_PAGE = 100;
const PAGE = USERS_PAGE;

export const USER_ROLE_FILTERS = ["STAFF", "REVIEWER", "ADMIN"] as const;

/**
 * Users for administration, a page at a time: by login or name, role, and the subtree of a unit
 * (staff of a unit below it, reviewers whose jurisdiction lies in it). Never a password hash;
 * inactive = created by an import, no password yet.
 */
export async function listUsers(
  actor: Actor,
  query: { q?: string; page?: number; role?: string; unitCode?: string } = {},
): Promise<{ users: UserRow[]; total: number }> {
  authorize(actor, "admin:manage");
  const db = await getDb();
  const q = searchTerm(query.q);
  const role = (USER_ROLE_FILTERS as readonly string[]).includes(query.role ?? "")
    ? (query.role as RoleName)
    : undefined;
  const unitCode = searchTerm(query.unitCode);
  const unit = unitCode ? await db.unit.findUnique({ where: { code: unitCode }, select: { path: true } }) : null;
  const where: Prisma.UserWhereInput = {
    AND: [
      q ? { OR: [{ login: { contains: q, mode: "insensitive" as const } }, { name: { contains: q } }] } : {},
      role ? { role } : {},
      // An unknown unit code matches nobody rather than everybody.
      unitCode
        ? unit
          ? {
              OR: [
                { unit: { path: { startsWith: unit.path } } },
                { jurisdiction: { path: { startsWith: unit.path } } },
              ],
            }
          : { id: -1 }
        : {},
    ],
  };
  const [rows, total] = await Promise.all([
    db.user.findMany({
      where,
      orderBy: [{ role: "desc" }, { login: "asc" }],
      // A page number from the address bar: whole, and within what a database offset takes.
      skip: Math.min(Math.max(0, Math.trunc(query.page ?? 0) || 0), 1_000_000) * PAGE,
      take: PAGE,
      select: {
        ...ACCOUNT_FIELDS,
        lockedUntil: true,
        passwordHash: true,
        oidcSubject: true,
        sessionVersion: true,
        unit: { select: { name: true } },
        jurisdiction: { select: { name: true } },
      },
    }),
    db.user.count({ where }),
  ]);
  const now = new Date();
  return {
    total,
    users: rows.map((u) => ({
      id: u.id,
      login: u.login,
      name: u.name,
      role: u.role,
      place: u.unit?.name ?? u.jurisdiction?.name ?? null,
      // Never enabled yet: enabling or disabling moves the session version on from 1.
      status: u.disabled
        ? u.oidcSubject && u.sessionVersion === 1
          ? "pending"
          : "disabled"
        : !u.passwordHash && !u.oidcSubject
          ? "inactive"
          : u.lockedUntil && u.lockedUntil > now
            ? "locked"
            : "active",
    })),
  };
}

/**
 * Changes a role or disables an account. Either ends the user's sessions at once (session version
 * bumped). An administrator cannot disable or demote themselves, so one always remains.
 */
export async function updateUser(
  actor: Actor,
  input: { userId: number; role: RoleName; disabled: boolean },
): Promise<void> {
  authorize(actor, "admin:manage");
  if (input.userId === actor.userId && (input.disabled || input.role !== "ADMIN"))
    throw new AppError("invalid_input", { role: ["not_yourself"] });
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: input.userId }, select: { role: true, disabled: true } });
    if (!before) throw new AppError("not_found");
    if (before.role === input.role && before.disabled === input.disabled) return;
    await tx.user.update({
      where: { id: input.userId },
      data: {
        role: input.role,
        disabled: input.disabled,
        lockedUntil: null,
        failedSignIns: 0,
        sessionVersion: { increment: 1 },
      },
    });
    await writeAudit(tx, {
      actorId: actor.userId,
      action: "user.update",
      entity: "user",
      entityId: input.userId,
      before,
      after: { role: input.role, disabled: input.disabled },
    });
  });
}
