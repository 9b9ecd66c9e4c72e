import { findDuplicatePairs } from "../duplicates/find-duplicates";
import type { CaseRule } from "../cases/case-rule";
import type { Detector, Ledger } from "../finding";

/** Cases: one per cluster of channels joined by duplicate pairs (a chain a–b, b–c is one case), named by its smallest channel. */
export const duplicateCaseRule: CaseRule = (f, ctx) => ({
  key: `duplicate:${ctx.cluster.get(f.channelIds[0]!) ?? Math.min(...f.channelIds)}`,
  about: "duplicate_cluster",
  channelIds: [],
  issuerId: null,
  townshipId: null,
});

/** The longest common ancestor path of two unit paths ("/1/7/42/" and "/1/7/9/" → "/1/7/"), or null. */
function commonPath(a: string, b: string): string | null {
  const x = a.split("/").filter(Boolean);
  const y = b.split("/").filter(Boolean);
  let n = 0;
  while (n < x.length && n < y.length && x[n] === y[n]) n++;
  return n > 0 ? `/${x.slice(0, n).join("/")}/` : null;
}

/**
 * Where in the tree each channel is used: the common ancestor of its sponsor and of the units its
 * mandates and reports name. A duplicate belongs to the common ancestor of both channels, so the
 * reviewers of that subtree (and those above) see it.
 */
function homePaths(ledger: Ledger, of: Set<number>): Map<number, string | null> {
  const home = new Map<number, string | null>();
  // Only the channels of the pairs: every mandate and report of a province passes through here.
  const add = (channelId: number, unitId: number | null) => {
    if (!of.has(channelId)) return;
    const path = unitId === null ? undefined : ledger.units.get(unitId)?.path;
    if (path === undefined) return;
    // null once two places share no ancestor: it stays null.
    const current = home.get(channelId);
    home.set(
      channelId,
      current === undefined || current === path ? path : current === null ? null : commonPath(current, path),
    );
  };
  for (const c of ledger.channels.values()) add(c.id, c.operatorUnitId);
  for (const m of ledger.mandates) add(m.channelId, m.targetUnitId);
  for (const r of ledger.reports) add(r.channelId, r.unitId);
  return home;
}

const unitOfPath = (path: string | null) => (path ? Number(path.split("/").at(-2)) : null);

/** Two catalogue entries that are probably one product (name cores, platform id, sponsor, kind). */
export const duplicateChannel: Detector = {
  kind: "duplicate_channel",
  scope: "shared_region",
  explains: ["duplicate_channel"],
  detect(ledger) {
    const operatorName = (c: { operatorUnitId: number | null; operatorName: string | null }) =>
      c.operatorUnitId ? (ledger.units.get(c.operatorUnitId)?.name ?? null) : c.operatorName;
    const channels = [...ledger.channels.values()].map((c) => ({
      id: c.id,
      names: [c.name, ...c.aliases],
      kind: c.kind,
      operator: operatorName(c),
      platformId: c.platformId,
    }));
    const pairs = findDuplicatePairs(channels, undefined, ledger.products);
    const home = homePaths(ledger, new Set(pairs.flatMap((p) => [p.a, p.b])));
    return pairs.map((p) => ({
      kind: "duplicate_channel",
      subjectKey: `duplicate_channel:${p.a}:${p.b}`,
      severity: p.score >= 0.9 ? 3 : 2,
      // A pair used in two unrelated places has no common ancestor: it is for reviewers of the whole tree.
      unitId: null,
      scopeUnitId: home.get(p.a) && home.get(p.b) ? unitOfPath(commonPath(home.get(p.a)!, home.get(p.b)!)) : null,
      channelIds: [p.a, p.b],
      reporterId: null,
      params: { a: ledger.channels.get(p.a)!.name, b: ledger.channels.get(p.b)!.name, score: p.score },
      evidence: { score: p.score, signals: p.signals, matchedNames: p.names },
      burden: 0,
    }));
  },
};
