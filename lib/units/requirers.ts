import "server-only";
import type { PrismaClient } from "@/lib/db/generated/client";
import { initialsOf } from "@/lib/channels/channel-keys";
import { idsOnPath } from "./unit-path";

/** A unit a person can pick: its name, the unit it hangs under, and pinyin initials to type. */
export type UnitChoice = { id: number; name: string; parentName: string | null; level: string; initials: string };

/**
 * Who can have required something of a unit: the unit itself and every unit above it, and the
 * departments hanging under any of them — nearest first, each department after its unit. A few
 * dozen at most, so the form gets all of them and filters as the person types.
 */
export async function requirersOf(db: PrismaClient, unitId: number): Promise<UnitChoice[]> {
  const unit = await db.unit.findUnique({ where: { id: unitId }, select: { path: true } });
  if (!unit) return [];
  const chain = idsOnPath(unit.path);
  const rows = await db.unit.findMany({
    where: { retiredAt: null, OR: [{ id: { in: chain } }, { level: "department", parentId: { in: chain } }] },
    select: { id: true, name: true, level: true, parentId: true, parent: { select: { name: true } } },
  });
  const depth = (id: number | null) => (id === null ? -1 : chain.indexOf(id));
  return rows
    .sort((a, b) => {
      const [da, db_] = [
        chain.includes(a.id) ? depth(a.id) : depth(a.parentId),
        chain.includes(b.id) ? depth(b.id) : depth(b.parentId),
      ];
      return (
        db_ - da ||
        Number(a.level === "department") - Number(b.level === "department") ||
        a.name.localeCompare(b.name, "zh-CN")
      );
    })
    .map((u) => ({
      id: u.id,
      name: u.name,
      parentName: u.parent?.name ?? null,
      level: u.level,
      initials: initialsOf(u.name),
    }));
}
