import type { PrismaClient } from "@/lib/db/generated/client";

/** Unit codes ↔ ids for the whole tree (a province's 100,000 units fit easily in memory). */
export async function loadUnitCodes(db: PrismaClient) {
  const units = await db.unit.findMany({ select: { id: true, code: true, path: true } });
  return { byCode: new Map(units.map((u) => [u.code, u])), byId: new Map(units.map((u) => [u.id, u])) };
}

/**
 * Channel names and aliases → the channel they mean now: a merged channel resolves to the
 * channel it was merged into, so old names in files keep working.
 */
export async function loadChannelNames(db: PrismaClient) {
  const channels = await db.channel.findMany({
    select: { id: true, name: true, status: true, mergedIntoId: true, aliases: { select: { alias: true } } },
  });
  const byId = new Map(channels.map((c) => [c.id, c]));
  const finalId = (id: number): number => {
    const seen = new Set<number>();
    let current = byId.get(id)!;
    while (current.status === "merged" && current.mergedIntoId && !seen.has(current.id)) {
      seen.add(current.id);
      current = byId.get(current.mergedIntoId) ?? current;
    }
    return current.id;
  };
  const byName = new Map<string, number>();
  for (const c of channels) for (const a of c.aliases) if (!byName.has(a.alias)) byName.set(a.alias, finalId(c.id));
  for (const c of channels) byName.set(c.name, finalId(c.id));
  return { byName, byId };
}
