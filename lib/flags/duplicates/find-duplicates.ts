import { knownProducts, type ProductIndex } from "@/lib/channels/known-products";
import { DUPLICATE_THRESHOLD, matchKeys, scorePair, type ChannelForMatching, type PairScore } from "./score-pair";

export type DuplicatePair = PairScore & { a: number; b: number };

/**
 * Probable duplicates among catalogue entries. Each channel is filed under its match keys and looks
 * up the prefixes that could match it, so cost grows with the catalogue, not its square.
 */
export function findDuplicatePairs(
  channels: ChannelForMatching[],
  threshold = DUPLICATE_THRESHOLD,
  products: ProductIndex = knownProducts(),
): DuplicatePair[] {
  const byKey = new Map<string, ChannelForMatching[]>();
  const probesOf = new Map<number, string[]>();
  for (const c of channels) {
    const { keys, probes } = matchKeys(c, products);
    probesOf.set(c.id, probes);
    for (const key of keys) {
      const filed = byKey.get(key);
      if (filed) filed.push(c);
      else byKey.set(key, [c]);
    }
  }
  const seen = new Set<string>();
  const pairs: DuplicatePair[] = [];
  for (const c of channels) {
    for (const probe of probesOf.get(c.id)!) {
      for (const other of byKey.get(probe) ?? []) {
        if (other.id === c.id) continue;
        const [x, y] = c.id < other.id ? [c, other] : [other, c];
        const key = `${x.id}:${y.id}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const scored = scorePair(x, y, products);
        if (scored && scored.score >= threshold) pairs.push({ ...scored, a: x.id, b: y.id });
      }
    }
  }
  return pairs.sort((p, q) => p.a - q.a || p.b - q.b);
}
