import { findDuplicatePairs } from "../duplicates/find-duplicates";
import type { Detector } from "../finding";

/** Two catalogue entries that are probably one product (name cores, platform id, sponsor, kind). */
export const duplicateChannel: Detector = {
  kind: "duplicate_channel",
  detect(ledger) {
    const operatorName = (c: { operatorUnitId: number | null; operatorName: string | null }) =>
      c.operatorUnitId ? (ledger.units.get(c.operatorUnitId)?.name ?? null) : c.operatorName;
    const channels = [...ledger.channels.values()].map((c) => ({ id: c.id, names: [c.name, ...c.aliases], kind: c.kind, operator: operatorName(c), platformId: c.platformId }));
    return findDuplicatePairs(channels).map((p) => ({
      kind: "duplicate_channel",
      subjectKey: `duplicate_channel:${p.a}:${p.b}`,
      severity: p.score >= 0.9 ? 3 : 2,
      unitId: null,
      channelIds: [p.a, p.b],
      reporterId: null,
      params: { a: ledger.channels.get(p.a)!.name, b: ledger.channels.get(p.b)!.name, score: p.score },
      evidence: { score: p.score, signals: p.signals, matchedNames: p.names },
      burden: 0,
    }));
  },
};
