import "server-only";
import type { PrismaClient } from "@/lib/db/generated/client";
import type { ActionCode } from "@/lib/vocabulary";
import { idsOnPath } from "@/lib/units/unit-path";
import type { MandateChoice } from "./report-dto";

/**
 * Mandates in force on these channels (all channels when null) that bind the unit: aimed at it, or
 * at an ancestor for its whole subtree; imported, declared, confirmed, or reported by staff and not
 * rejected.
 */
export async function findMandatesForUnit(
  db: PrismaClient,
  unitId: number,
  channelIds: number[] | null,
): Promise<Map<number, MandateChoice[]>> {
  const unit = await db.unit.findUnique({ where: { id: unitId }, select: { path: true } });
  const ancestors = unit ? idsOnPath(unit.path).filter((id) => id !== unitId) : [];
  const mandates = await db.mandate.findMany({
    where: {
      status: "active",
      channel: { status: "active" },
      ...(channelIds ? { channelId: { in: channelIds } } : {}),
      AND: [
        { OR: [{ targetUnitId: unitId }, { targetUnitId: { in: ancestors }, appliesToSubtree: true }] },
        // review is null for imported and declared mandates: "not rejected" must keep them.
        { OR: [{ review: null }, { review: { not: "rejected" } }] },
      ],
    },
    orderBy: { id: "asc" },
    select: { channelId: true, issuerUnitId: true, actions: true, issuer: { select: { name: true } } },
  });
  const byChannel = new Map<number, MandateChoice[]>();
  for (const m of mandates) {
    const list = byChannel.get(m.channelId) ?? [];
    if (!list.some((c) => c.issuerUnitId === m.issuerUnitId))
      list.push({ issuerUnitId: m.issuerUnitId, issuerName: m.issuer.name, actions: m.actions as ActionCode[] });
    byChannel.set(m.channelId, list);
  }
  return byChannel;
}
