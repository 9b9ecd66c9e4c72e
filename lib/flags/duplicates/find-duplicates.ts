import { blockingKeys, DUPLICATE_THRESHOLD, scorePair, type ChannelForMatching, type PairScore } from "./score-pair";

export type DuplicatePair = PairScore & { a: number; b: number };

/**
 * Probable duplicates among catalogue entries. Channels are compared only within shared blocking
 * keys (platform id, first characters of a name's core), so cost grows with the catalogue, not its square.
 */
export function findDuplicatePairs(channels: ChannelForMatching[], threshold = DUPLICATE_THRESHOLD): DuplicatePair[] {
  const buckets = new Map<string, ChannelForMatching[]>();
  for (const c of channels) {
    for (const key of blockingKeys(c)) {
      const bucket = buckets.get(key) ?? [];
      bucket.push(c);
      buckets.set(key, bucket);
    }
  }
  const seen = new Set<string>();
  const pairs: DuplicatePair[] = [];
  for (const bucket of buckets.values()) {
    for (let i = 0; i < bucket.length; i++) {
      for (let j = i + 1; j < bucket.length; j++) {
        const [x, y] = bucket[i]!.id < bucket[j]!.id ? [bucket[i]!, bucket[j]!] : [bucket[j]!, bucket[i]!];
        const key = `${x.id}:${y.id}`;
        if (x.id === y.id || seen.has(key)) continue;
        seen.add(key);
        const scored = scorePair(x, y);
        if (scored && scored.score >= threshold) pairs.push({ ...scored, a: x.id, b: y.id });
      }
    }
  }
  return pairs.sort((p, q) => p.a - q.a || p.b - q.b);
}
