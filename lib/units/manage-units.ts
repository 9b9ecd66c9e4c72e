import "server-only";
import { refreshFlagsAfterChange } from "@/lib/flags/refresh-flags";
import { authorize, type Actor } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit/write-audit";
import { getDb } from "@/lib/db/client";
import type { UnitLevel } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { childPath, isWithin } from "./unit-path";
import { recordNumber } from "@/lib/validation/record-number";
import { searchTerm } from "@/lib/validation/search-term";

export async function createUnit(
  actor: Actor,
  input: { code: string; name: string; level: UnitLevel; parentCode: string | null },
) {
  authorize(actor, "admin:manage");
  const db = await getDb();
  return db.$transaction(async (tx) => {
    if (await tx.unit.findUnique({ where: { code: input.code }, select: { id: true } }))
      throw new AppError("invalid_input", { code: ["code_taken"] });
    const parent = input.parentCode
      ? await tx.unit.findFirst({ where: { code: input.parentCode, retiredAt: null } })
      : null;
    if (input.parentCode && !parent) throw new AppError("invalid_input", { parentCode: ["unknown_unit"] });
    const unit = await tx.unit.create({
      data: { code: input.code, name: input.name, level: input.level, parentId: parent?.id ?? null, path: "" },
    });
    const path = childPath(parent?.path ?? null, unit.id);
    await tx.unit.update({ where: { id: unit.id }, data: { path } });
    await writeAudit(tx, {
      actorId: actor.userId,
      action: "unit.create",
      entity: "unit",
      entityId: unit.id,
      after: input,
    });
    return { id: unit.id };
  });
}

/**
 * Renames, moves (with its whole subtree) or retires a unit. A stale form is a conflict; a move
 * under its own subtree, or retiring a unit that still has active units below, is refused.
 */
export async function editUnit(
  actor: Actor,
  input: { unitId: number; version: number; name: string; parentCode: string | null; retire: boolean },
) {
  authorize(actor, "admin:manage");
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const unit = await tx.unit.findUnique({
      where: { id: input.unitId },
      include: { parent: { select: { code: true } } },
    });
    if (!unit) throw new AppError("not_found");
    if (unit.version !== input.version) throw new AppError("conflict");
    const parent = input.parentCode
      ? await tx.unit.findFirst({ where: { code: input.parentCode, retiredAt: null } })
      : null;
    if (input.parentCode && !parent) throw new AppError("invalid_input", { parentCode: ["unknown_unit"] });
    if (parent && isWithin(parent.path, unit.path)) throw new AppError("invalid_input", { parentCode: ["cycle"] });
    if (
      input.retire &&
      !unit.retiredAt &&
      (await tx.unit.count({ where: { parentId: unit.id, retiredAt: null } })) > 0
    ) {
      throw new AppError("invalid_input", { retire: ["has_children"] });
    }
    const newPath = childPath(parent?.path ?? null, unit.id);
    const changed = await tx.unit.updateMany({
      where: { id: unit.id, version: input.version },
      data: {
        name: input.name,
        parentId: parent?.id ?? null,
        path: newPath,
        retiredAt: input.retire ? (unit.retiredAt ?? new Date()) : null,
        version: { increment: 1 },
      },
    });
    if (changed.count !== 1) throw new AppError("conflict");
    if (newPath !== unit.path) {
      // Every unit below follows: its path keeps the part under the moved unit.
      await tx.$executeRaw`UPDATE units SET path = ${newPath} || substr(path, ${unit.path.length + 1}), version = version + 1 WHERE path LIKE ${unit.path + "%"} AND id <> ${unit.id}`;
    }
    await writeAudit(tx, {
      actorId: actor.userId,
      action: input.retire && !unit.retiredAt ? "unit.retire" : newPath !== unit.path ? "unit.move" : "unit.update",
      entity: "unit",
      entityId: unit.id,
      before: { name: unit.name, parentCode: unit.parent?.code ?? null, retired: !!unit.retiredAt },
      after: { name: input.name, parentCode: input.parentCode, retired: input.retire },
    });
  });
  await refreshFlagsAfterChange("unit.update");
}

export type UnitNode = {
  id: number;
  code: string;
  name: string;
  level: UnitLevel;
  retired: boolean;
  children: number;
  version: number;
  parentCode: string | null;
  parentName: string | null;
};

/** One level of the tree (children of a unit, or the roots), with the trail from the root, for drilling down. */
export const UNITS_PAGE = 100;

/** One level of the tree (or a search across it), a page at a time, with the trail of units above it. */
export async function listUnitLevel(actor: Actor, parentParam: unknown, q?: string, pageParam?: unknown) {
  authorize(actor, "admin:manage");
  // An id from the address bar: anything that is not a row id within the database's range is the root.
  const parentId = recordNumber(1).safeParse(parentParam).data ?? null;
  const page = Math.min(recordNumber(0).safeParse(pageParam).data ?? 0, 100_000);
  const db = await getDb();
  const search = searchTerm(q);
  const where = search ? { OR: [{ code: { startsWith: search } }, { name: { contains: search } }] } : { parentId };
  const [units, total, parent] = await Promise.all([
    db.unit.findMany({
      where,
      orderBy: { code: "asc" },
      skip: page * UNITS_PAGE,
      take: UNITS_PAGE,
      include: { _count: { select: { children: true } }, parent: { select: { code: true, name: true } } },
    }),
    db.unit.count({ where }),
    parentId ? db.unit.findUnique({ where: { id: parentId }, select: { path: true, code: true, name: true } }) : null,
  ]);
  const trailIds = parent ? parent.path.split("/").filter(Boolean).map(Number) : [];
  const trail = trailIds.length
    ? await db.unit.findMany({ where: { id: { in: trailIds } }, select: { id: true, name: true } })
    : [];
  return {
    parentId,
    /** The unit whose children these are (null at the top or for a search), for the form that adds one more. */
    parent: parent ? { code: parent.code, name: parent.name } : null,
    page,
    total,
    trail: trailIds.map((id) => trail.find((t) => t.id === id)!).filter(Boolean),
    units: units.map<UnitNode>((u) => ({
      id: u.id,
      code: u.code,
      name: u.name,
      level: u.level,
      retired: !!u.retiredAt,
      children: u._count.children,
      version: u.version,
      parentCode: u.parent?.code ?? null,
      parentName: u.parent?.name ?? null,
    })),
  };
}
