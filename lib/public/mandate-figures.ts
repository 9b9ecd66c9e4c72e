/*
 * The figures of the public page that come from mandates — administrative documents, not people:
 * channels mandated, units covered and mandates, by region, by issuing department within a region,
 * and by channel within a region. A mandate lands in every published region above its target and,
 * when it applies to the target's subtree, in every published region below it too.
 */
export type MandateLine = { issuer: number; target: number; channel: number; subtree: boolean };
export type Tally = { mandates: number; units: Set<number>; channels: Set<number> };
export type MandateFigures = {
  byRegion: Map<number, Tally>;
  byIssuer: Map<string, Tally>;
  /** Units required to use each channel, by region then channel: millions of pairs, kept as plain counts. */
  byChannel: Map<number, Map<number, number>>;
};

export type UnitTree = {
  /** The published regions a unit counts in: its own (if published) and those above it, deepest first, ending with WHOLE. */
  regionsOf: (unit: number) => readonly number[];
  childrenOf: (unit: number) => readonly number[];
};

const tallyOf = <K>(map: Map<K, Tally>, key: K): Tally => {
  let t = map.get(key);
  if (!t) map.set(key, (t = { mandates: 0, units: new Set(), channels: new Set() }));
  return t;
};

export function countMandates(mandates: readonly MandateLine[], tree: UnitTree): MandateFigures {
  const figures: MandateFigures = { byRegion: new Map(), byIssuer: new Map(), byChannel: new Map() };
  const channelsOfUnit = new Map<number, Set<number>>();
  const subtreeOf = new Map<number, number[]>();
  const unitsUnder = (target: number): number[] => {
    let units = subtreeOf.get(target);
    if (!units) {
      units = [];
      for (const stack = [target]; stack.length;) {
        const unit = stack.pop()!;
        units.push(unit);
        stack.push(...tree.childrenOf(unit));
      }
      subtreeOf.set(target, units);
    }
    return units;
  };
  for (const m of mandates) {
    const covered = m.subtree ? unitsUnder(m.target) : [m.target];
    const regions = new Set<number>();
    for (const unit of covered) {
      for (const region of tree.regionsOf(unit)) {
        regions.add(region);
        tallyOf(figures.byRegion, region).units.add(unit);
        tallyOf(figures.byIssuer, `${m.issuer}@${region}`).units.add(unit);
      }
      let channels = channelsOfUnit.get(unit);
      if (!channels) channelsOfUnit.set(unit, (channels = new Set()));
      channels.add(m.channel);
    }
    for (const region of regions) {
      for (const tally of [tallyOf(figures.byRegion, region), tallyOf(figures.byIssuer, `${m.issuer}@${region}`)]) {
        tally.mandates++;
        tally.channels.add(m.channel);
      }
    }
  }
  // A unit counts once for a channel in each region above it, however many mandates require it:
  // counted from each unit's channels rather than a set of units per (channel, region), of which a
  // ledger of 4,000,000 reports has more than a JavaScript Map holds (2^24).
  for (const [unit, channels] of channelsOfUnit)
    for (const region of tree.regionsOf(unit)) {
      let counts = figures.byChannel.get(region);
      if (!counts) figures.byChannel.set(region, (counts = new Map()));
      for (const channel of channels) counts.set(channel, (counts.get(channel) ?? 0) + 1);
    }
  return figures;
}
