import { knownProducts, type ProductIndex } from "@/lib/channels/known-products";
import { levellessCore, nameCore, regionlessCore, regionOf } from "./name-core";

export type ChannelForMatching = {
  id: number;
  names: string[]; // the name and its aliases
  kind: string;
  operator: string | null; // the sponsor's name, whether a unit of the tree or a free name
  platformId: string | null;
};

export type MatchSignal =
  | "known_product"
  | "same_platform_id"
  | "same_core"
  | "same_core_without_region"
  | "same_core_without_level"
  | "core_extends"
  | "same_operator"
  | "different_operator"
  | "different_kind";
export type PairScore = { score: number; signals: MatchSignal[]; names: [string, string] };

export const DUPLICATE_THRESHOLD = 0.7;
const SOFTWARE = new Set(["app", "mini_program", "web_system"]);
const MIN_PREFIX = 3;

/**
 * The strings a channel can be matched on: the core of each of its names, with and without a region
 * qualifier, and its platform id. Two channels can score only if one key of one equals a key of the
 * other or a prefix of it long enough for "core_extends" (see compareNames), so candidates are found
 * by exact lookups of those prefixes, never by comparing all pairs or a shared first few characters.
 */
export function matchKeys(
  c: ChannelForMatching,
  products: ProductIndex = knownProducts(),
): { keys: string[]; probes: string[] } {
  const keys = new Set<string>();
  if (c.platformId) keys.add(`p:${c.platformId.trim().toLowerCase()}`);
  const product = products.of(c);
  if (product) keys.add(`k:${product}`);
  for (const name of c.names) {
    const core = nameCore(name);
    for (const k of [core, regionlessCore(core), levellessCore(core)]) if (k) keys.add(`c:${k}`);
  }
  const probes = new Set(keys);
  for (const key of keys) {
    if (!key.startsWith("c:")) continue;
    const chars = [...key.slice(2)];
    for (let n = Math.max(MIN_PREFIX, Math.ceil(chars.length / 2)); n < chars.length; n++)
      probes.add(`c:${chars.slice(0, n).join("")}`);
  }
  return { keys: [...keys], probes: [...probes] };
}

/**
 * How likely two catalogue entries are one product, with the reasons. Names alone weigh most;
 * the same platform id settles it; a different sponsor or kind lowers the score.
 */
export function scorePair(
  a: ChannelForMatching,
  b: ChannelForMatching,
  products: ProductIndex = knownProducts(),
): PairScore | null {
  let best: PairScore | null = null;
  if (a.platformId && b.platformId && a.platformId.trim().toLowerCase() === b.platformId.trim().toLowerCase()) {
    best = { score: 1, signals: ["same_platform_id"], names: [a.names[0]!, b.names[0]!] };
  }
  // Names of one well-known product (an English name, an official abbreviation) settle it; two
  // different known products are two products, however alike their names (国家医保 / 国家政务).
  const [pa, pb] = [products.of(a), products.of(b)];
  if (pa && pb && pa !== pb && !best) return null;
  if (pa && pa === pb && !best) best = { score: 0.9, signals: ["known_product"], names: [a.names[0]!, b.names[0]!] };
  for (const na of a.names) {
    for (const nb of b.names) {
      const found = compareNames(na, nb);
      if (found && (!best || found.score > best.score)) best = { ...found, names: [na, nb] };
    }
  }
  if (!best) return null;
  const signals = [...best.signals];
  let score = best.score;
  const opA = a.operator?.trim();
  const opB = b.operator?.trim();
  if (opA && opB) {
    if (opA === opB) {
      score += 0.05;
      signals.push("same_operator");
    } else {
      score -= 0.15;
      signals.push("different_operator");
    }
  }
  // One product published as an app, a mini program and a web system is one product; an official
  // account or a work group of the same name is a different thing.
  if (a.kind !== b.kind && !signals.includes("same_platform_id") && !(SOFTWARE.has(a.kind) && SOFTWARE.has(b.kind))) {
    score -= 0.25;
    signals.push("different_kind");
  }
  return { score: Math.round(Math.min(1, Math.max(0, score)) * 100) / 100, signals, names: best.names };
}

function compareNames(a: string, b: string): Omit<PairScore, "names"> | null {
  const ca = nameCore(a);
  const cb = nameCore(b);
  if (!ca || !cb) return null;
  if (ca === cb) return { score: 0.9, signals: ["same_core"] };
  // "黑龙江全省事" ~ "全省事", but not "浙江X" ~ "广东X": two regions mean two products.
  const [regionA, regionB] = [regionOf(ca), regionOf(cb)];
  if (regionA && regionB && regionA !== regionB) return null;
  const ra = regionlessCore(ca) ?? ca;
  const rb = regionlessCore(cb) ?? cb;
  if (ra === rb && ra.length >= 3) return { score: 0.85, signals: ["same_core_without_region"] };
  // "桐乡市议事厅" ~ "桐乡议事厅": the same place, with and without its administrative level.
  const [la, lb] = [levellessCore(ca), levellessCore(cb)];
  if (la === cb || lb === ca || (la && la === lb)) return { score: 0.85, signals: ["same_core_without_level"] };
  // One name is the other with words added ("随申办" → "随申办市民云"): likely the same, less sure.
  const [short, long] = ra.length <= rb.length ? [ra, rb] : [rb, ra];
  if (short.length >= MIN_PREFIX && long.startsWith(short) && short.length / long.length >= 0.5) {
    return { score: 0.75, signals: ["core_extends"] };
  }
  return null;
}
