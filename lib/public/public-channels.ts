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
 * A region's channels as stored with a release: pairs of numbers, the channel's place in the
 * release's `channels` and the units there required to use it. Pairs of numbers because a
 * province's townships list millions of them (the release of 1,000,000 reports in 31 provinces
 * outgrew one string as objects).
 */
export type ChannelCounts = number[];

/**
 * The catalogue entries the public may see — channels some active mandate requires, and retired
 * and merged ones — for the whole registry, and for each region: the active channels mandated
 * there (most units first) and the retired or merged ones sponsored by a unit there.
 */
export async function readPublicChannels(
  db: RawReader,
  ledger: PublicLedger,
  mandates: MandateFigures,
): Promise<{ channels: PublicChannel[]; channelsIn: Map<string, ChannelCounts> }> {
  const rows = (await readAll(
    db,
    "t.id, t.name, t.kind, t.status, t.operator_unit_id, t.updated_at, (SELECT m.name FROM channels m WHERE m.id = t.merged_into_id)",
    Prisma.sql`FROM channels t WHERE (t.status <> 'active' OR EXISTS (SELECT 1 FROM mandates m WHERE m.channel_id = t.id AND m.status = 'active'))`,
  )) as [number, string, string, ChannelStatus, number | null, string, string | null][];
  const byName = new Intl.Collator("zh-CN").compare;
  const listed = rows
    .map(([id, name, kind, status, operator, updatedAt, mergedInto]) => ({
      id,
      operator,
      channel: {
        name,
        kind,
        status,
        mergedInto,
        changedOn: beijingTime(new Date(updatedAt.endsWith("Z") ? updatedAt : `${updatedAt}Z`)).slice(0, 10),
      } satisfies PublicChannel,
    }))
    .sort((a, b) => a.channel.status.localeCompare(b.channel.status) || byName(a.channel.name, b.channel.name));
  const channels = listed.map((c) => c.channel);
  const indexOf = new Map(listed.map((c, i) => [c.id, i]));
  const codeOf = (region: number) => (region === WHOLE ? "" : ledger.units.get(region)!.code);
  const found = new Map<string, [number, number][]>();
  const add = (region: number, index: number, units: number) => {
    const code = codeOf(region);
    let list = found.get(code);
    if (!list) found.set(code, (list = []));
    list.push([index, units]);
  };
  for (const [region, counts] of mandates.byChannel)
    for (const [channel, units] of counts) {
      const index = indexOf.get(channel);
      if (index !== undefined) add(region, index, units);
    }
  for (const [i, c] of listed.entries()) {
    if (c.channel.status === "active" || c.operator === null) continue;
    for (const region of ledger.tree.regionsOf(c.operator)) if (region !== WHOLE) add(region, i, 0);
  }
  // Most units first, then by name (each name's rank found once: millions of entries are sorted).
  const rank = new Array<number>(channels.length);
  [...channels.keys()]
    .sort((a, b) => byName(channels[a]!.name, channels[b]!.name))
    .forEach((index, r) => (rank[index] = r));
  const channelsIn = new Map<string, ChannelCounts>();
  for (const [code, list] of found) {
    list.sort((a, b) => b[1] - a[1] || rank[a[0]]! - rank[b[0]]!);
    channelsIn.set(code, list.flat());
  }
  return { channels, channelsIn };
}

/** A region's channels as the public sees them, from the pairs stored with the release. */
export function regionChannels(channels: readonly PublicChannel[], counts: ChannelCounts): RegionChannel[] {
  const out: RegionChannel[] = [];
  for (let i = 0; i < counts.length; i += 2) {
    out.push({ ...channels[counts[i]!]!, unitsRequired: counts[i + 1]! });
  }
  return out;
}
