import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { authorize, type Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import { invitationCodeFailures } from "@/lib/auth/sign-in-throttle";
import type { RoleName } from "@/lib/auth/permissions";
import { writeAudit } from "@/lib/audit/write-audit";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

const VALID_DAYS = 14;
const hashCode = (code: string) => createHash("sha256").update(code).digest("hex");

/**
 * An invitation binds a unit and a role (and, to activate an imported account, its login). The
 * code is shown once; only its hash is kept. Staff belong to the unit; a reviewer's jurisdiction is its subtree.
 */
export async function createInvitation(
  actor: Actor,
  input: { role: RoleName; unitCode: string; login: string | null },
  now = new Date(),
) {
  authorize(actor, "admin:manage");
  const db = await getDb();
  const unit = await db.unit.findFirst({
    where: { code: input.unitCode, retiredAt: null },
    select: { id: true, name: true },
  });
  if (!unit) throw new AppError("invalid_input", { unitCode: ["unknown_unit"] });
  if (input.login) {
    const existing = await db.user.findUnique({ where: { login: input.login }, omit: { passwordHash: false } });
    if (
      !existing ||
      existing.passwordHash ||
      existing.role !== input.role ||
      (existing.unitId !== null && existing.unitId !== unit.id)
    ) {
      throw new AppError("invalid_input", { login: ["not_inactive"] });
    }
  }
  const code = randomBytes(18).toString("base64url");
  const expiresAt = new Date(now.getTime() + VALID_DAYS * 86_400_000);
  await db.$transaction(async (tx) => {
    const inv = await tx.invitation.create({
      data: {
        codeHash: hashCode(code),
        role: input.role,
        unitId: unit.id,
        login: input.login,
        createdById: actor.userId,
        expiresAt,
      },
    });
    await writeAudit(tx, {
      actorId: actor.userId,
      action: "invitation.create",
      entity: "invitation",
      entityId: inv.id,
      after: { role: input.role, unit: input.unitCode, login: input.login, expiresAt },
    });
  });
  return { code, expiresAt: expiresAt.toISOString(), unitName: unit.name };
}

/** What an invitation offers, for its page; unknown, used or expired codes all read as "not found". */
export async function describeInvitation(code: string, now = new Date()) {
  const db = await getDb();
  const inv = await db.invitation.findUnique({
    where: { codeHash: hashCode(code) },
    include: { unit: { select: { name: true } } },
  });
  if (!inv || inv.usedAt || inv.expiresAt < now) return null;
  return { role: inv.role, unitName: inv.unit.name, login: inv.login };
}

/**
 * The invited person sets their login, name and password; the code then stops working. The code
 * is checked before any password is hashed, and an address that sends too many wrong codes is
 * refused for a while (a code cannot be guessed by trying).
 */
export async function acceptInvitation(
  input: { code: string; login: string; name: string; password: string },
  now = new Date(),
  address = "unknown",
) {
  if (await invitationCodeFailures.blocked(address, now.getTime())) throw new AppError("too_many_attempts");
  if (!(await describeInvitation(input.code, now))) {
    await invitationCodeFailures.record(address, now.getTime());
    throw new AppError("not_found");
  }
  const db = await getDb();
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const inv = await tx.invitation.findUnique({ where: { codeHash: hashCode(input.code) } });
    if (!inv || inv.usedAt || inv.expiresAt < now) throw new AppError("not_found");
    const placement =
      inv.role === "STAFF"
        ? { unitId: inv.unitId, jurisdictionId: null }
        : inv.role === "REVIEWER"
          ? { unitId: null, jurisdictionId: inv.unitId }
          : { unitId: null, jurisdictionId: null };
    let userId: number;
    if (inv.login) {
      if (input.login !== inv.login) throw new AppError("invalid_input", { login: ["login_fixed"] });
      const user = await tx.user.update({
        where: { login: inv.login },
        data: { name: input.name, passwordHash, ...placement, sessionVersion: { increment: 1 } },
      });
      userId = user.id;
    } else {
      if (await tx.user.findUnique({ where: { login: input.login }, select: { id: true } }))
        throw new AppError("invalid_input", { login: ["login_taken"] });
      const user = await tx.user.create({
        data: { login: input.login, name: input.name, role: inv.role, passwordHash, ...placement },
      });
      userId = user.id;
    }
    const used = await tx.invitation.updateMany({
      where: { id: inv.id, usedAt: null },
      data: { usedAt: now, usedById: userId },
    });
    if (used.count !== 1) throw new AppError("not_found");
    await writeAudit(tx, {
      actorId: userId,
      action: inv.login ? "user.activate" : "user.create",
      entity: "user",
      entityId: userId,
      after: { login: input.login, role: inv.role, invitationId: inv.id },
    });
    return { login: input.login };
  });
}
