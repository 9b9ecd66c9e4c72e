import "server-only";
import { authorizePerson, type Actor } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit/write-audit";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { searchTerm } from "@/lib/validation/search-term";
import type { CaseOwnerInput } from "./case-owner.validation";
import { reviewRoot } from "./jurisdiction";
import { getReviewCase, type CaseOwnerView } from "./list-review-cases";

/** Reviewers who can take over work in a subtree: administrators, and reviewers whose jurisdiction contains it or lies inside it. */
function colleaguesOf(root: string): Prisma.UserWhereInput {
  const above = root
    .split("/")
    .filter(Boolean)
    .map((_, i, ids) => `/${ids.slice(0, i + 1).join("/")}/`);
  return {
    disabled: false,
    passwordHash: { not: null },
    OR: [
      { role: "ADMIN" },
      { role: "REVIEWER", jurisdiction: { OR: [{ path: { startsWith: root } }, { path: { in: above } }] } },
    ],
  };
}

/** Colleagues to hand a case to, found by name or login (the case page's picker). */
export async function lookupColleagues(
  actor: Actor,
  query: string,
): Promise<{ id: number; label: string; detail: string | null }[]> {
  const user = authorizePerson(actor, "review:decide");
  const root = reviewRoot(user);
  const q = searchTerm(query, 50);
  if (!root || !q) return [];
  const db = await getDb();
  const rows = await db.user.findMany({
    where: {
      AND: [colleaguesOf(root), { OR: [{ name: { contains: q } }, { login: { startsWith: q.toLowerCase() } }] }],
    },
    select: { id: true, name: true, jurisdiction: { select: { name: true } }, unit: { select: { name: true } } },
    orderBy: { name: "asc" },
    take: 12,
  });
  return rows.map((u) => ({ id: u.id, label: u.name, detail: u.jurisdiction?.name ?? u.unit?.name ?? null }));
}

/**
 * Claims a case for oneself, or hands it to a colleague who sees all of its findings (an
 * administrator, or a reviewer whose jurisdiction holds them). A case one cannot see is refused as
 * if it did not exist.
 */
export async function setCaseOwner(actor: Actor, input: CaseOwnerInput): Promise<CaseOwnerView> {
  const user = authorizePerson(actor, "review:decide");
  const found = await getReviewCase(actor, input.caseKey);
  if (!found) throw new AppError("not_found");
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const ownerId = input.ownerId ?? user.id;
    const owner = await tx.user.findFirst({
      where: { id: ownerId, disabled: false, role: { in: ["REVIEWER", "ADMIN"] } },
      select: { id: true, name: true, role: true, jurisdiction: { select: { path: true } } },
    });
    if (!owner) throw new AppError("invalid_input", { ownerId: ["unknown_colleague"] });
    // An administrator sees every finding; a reviewer, those scoped inside their jurisdiction.
    if (owner.role !== "ADMIN") {
      const root = owner.jurisdiction?.path;
      const scopes = await tx.flag.findMany({
        where: { id: { in: found.findingIds } },
        select: { scopeUnit: { select: { path: true } } },
      });
      if (!root || !scopes.every((f) => f.scopeUnit?.path.startsWith(root)))
        throw new AppError("invalid_input", { ownerId: ["colleague_cannot_see"] });
    }
    const before = await tx.caseOwner.findUnique({ where: { caseKey: input.caseKey }, select: { ownerId: true } });
    await tx.caseOwner.upsert({
      where: { caseKey: input.caseKey },
      create: { caseKey: input.caseKey, ownerId: owner.id, assignedById: user.id },
      update: { ownerId: owner.id, assignedById: user.id, assignedAt: new Date() },
    });
    await writeAudit(tx, {
      actorId: user.id,
      action: owner.id === user.id ? "case.claim" : "case.assign",
      entity: "case",
      entityId: input.caseKey,
      before: { ownerId: before?.ownerId ?? null },
      after: { ownerId: owner.id },
    });
    return { id: owner.id, name: owner.name };
  });
}
