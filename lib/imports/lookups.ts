import type { PrismaClient } from "@/lib/db/generated/client";

/** Unit codes ↔ ids for the whole tree (a province's 100,000 units fit easily in memory). */
export async function loadUnitCodes(db: PrismaClient) {
  const units = await db.unit.findMany({ select: { id: true, code: true, name: true, path: true } });
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

/**
 * Who required a channel, as a file names it: a unit code, else the name of a unit or department
 * on the reporter's branch of the tree (the nearest one), else the name as given, for an
 * administrator to map.
 */
export async function requiredByResolver(
  db: PrismaClient,
): Promise<(value: string, reporterPath: string) => { unitId: number | null; name: string | null }> {
  const units = await db.unit.findMany({
    where: { retiredAt: null },
    select: { id: true, code: true, name: true, parentId: true },
  });
  const byCode = new Map(units.map((u) => [u.code, u.id]));
  const byName = new Map<string, { id: number; parentId: number | null }[]>();
  for (const u of units) byName.set(u.name, [...(byName.get(u.name) ?? []), u]);
  return (value, reporterPath) => {
    const coded = byCode.get(value);
    if (coded !== undefined) return { unitId: coded, name: null };
    const chain = reporterPath.split("/").filter(Boolean).map(Number);
    let best: { id: number; depth: number } | null = null;
    for (const u of byName.get(value) ?? []) {
      const depth = Math.max(chain.indexOf(u.id), u.parentId === null ? -1 : chain.indexOf(u.parentId));
      if (depth >= 0 && (!best || depth > best.depth)) best = { id: u.id, depth };
    }
    return best ? { unitId: best.id, name: null } : { unitId: null, name: value };
  };
}
