import "server-only";
import { Prisma } from "@/lib/db/generated/client";
import { readAll, type RawReader } from "@/lib/db/read-all";
import type { MandateFigures } from "./mandate-figures";
import { WHOLE } from "./people-tables";
import type { PublicLedger } from "./read-public-ledger";
import { beijingTime } from "./release-schedule";

export type ChannelStatus = "active" | "retired" | "merged";
export type PublicChannel = {
  name: string;
  kind: string;
  status: ChannelStatus;
  mergedInto: string | null;
  changedOn: string;
};
/** A channel as a region sees it: active ones with the units there required to use them. */
export type RegionChannel = PublicChannel & { unitsRequired: number };

/**
 * The catalogue entries the public may see — channels some active mandate requires, and retired
 * and merged ones — for the whole registry, and for each region: the active channels mandated
 * there (most units first) and the retired or merged ones sponsored by a unit there.
 */
export async function readPublicChannels(
  db: RawReader,
  ledger: PublicLedger,
  mandates: MandateFigures,
): Promise<{ channels: PublicChannel[]; channelsIn: Record<string, RegionChannel[]> }> {
  const rows = (await readAll(
    db,
    "t.id, t.name, t.kind, t.status, t.operator_unit_id, t.updated_at, (SELECT m.name FROM channels m WHERE m.id = t.merged_into_id)",
    Prisma.sql`FROM channels t WHERE (t.status <> 'active' OR EXISTS (SELECT 1 FROM mandates m WHERE m.channel_id = t.id AND m.status = 'active'))`,
  )) as [number, string, string, ChannelStatus, number | null, string, string | null][];
  const byId = new Map<number, PublicChannel & { operator: number | null }>();
  for (const [id, name, kind, status, operator, updatedAt, mergedInto] of rows) {
    byId.set(id, {
      name,
      kind,
      status,
      mergedInto,
      changedOn: beijingTime(new Date(updatedAt.endsWith("Z") ? updatedAt : `${updatedAt}Z`)).slice(0, 10),
      operator,
    });
  }
  const codeOf = (region: number) => (region === WHOLE ? "" : ledger.units.get(region)!.code);
  const channelsIn: Record<string, RegionChannel[]> = {};
  const add = (region: number, entry: RegionChannel) => (channelsIn[codeOf(region)] ??= []).push(entry);
  for (const [key, units] of mandates.byChannel) {
    const [channel, region] = key.split("@").map(Number) as [number, number];
    const c = byId.get(channel);
    if (c)
      add(region, {
        name: c.name,
        kind: c.kind,
        status: c.status,
        mergedInto: null,
        changedOn: c.changedOn,
        unitsRequired: units.size,
      });
  }
  for (const c of byId.values()) {
    if (c.status === "active" || c.operator === null) continue;
    for (const region of ledger.tree.regionsOf(c.operator))
      if (region !== WHOLE)
        add(region, {
          name: c.name,
          kind: c.kind,
          status: c.status,
          mergedInto: c.mergedInto,
          changedOn: c.changedOn,
          unitsRequired: 0,
        });
  }
  for (const list of Object.values(channelsIn))
    list.sort((a, b) => b.unitsRequired - a.unitsRequired || a.name.localeCompare(b.name, "zh-CN"));
  const channels = [...byId.values()]
    .map((c): PublicChannel => ({
      name: c.name,
      kind: c.kind,
      status: c.status,
      mergedInto: c.mergedInto,
      changedOn: c.changedOn,
    }))
    .sort((a, b) => a.status.localeCompare(b.status) || a.name.localeCompare(b.name, "zh-CN"));
  return { channels, channelsIn };
}
