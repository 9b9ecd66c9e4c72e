/*
 * Cases: the findings a reviewer decides together (brief §3, issue 17). Every open finding belongs
 * to exactly one case:
 * - duplicate channels: one case per cluster of channels linked by duplicate findings;
 * - mandate kinds (policy conflict of a mandate, forced on residents, duplicate mandate,
 *   overlapping function): one per issuing department and channel (the first of each, in id order,
 *   for findings that name several);
 * - a channel's own policy conflict (sponsor below county, not filed): one per channel;
 * - zombies and one-offs: one per channel and township;
 * - overload of people and units: one per township; of an issuing department: one per department.
 */

export type CaseFinding = {
  id: number;
  kind: string;
  subjectKey: string;
  unitId: number | null;
  channelIds: number[];
  issuerIds: number[];
  severity: number;
  burden: number;
};

export type CaseGroup = {
  key: string;
  /** What the case is about: the shape of its key. */
  about: "duplicate_cluster" | "issuer_channel" | "channel" | "channel_township" | "township_overload" | "issuer_overload";
  channelIds: number[];
  issuerId: number | null;
  townshipId: number | null;
  findingIds: number[];
  kinds: string[];
  severity: number;
  burden: number;
};

const min = (ids: number[]) => (ids.length ? Math.min(...ids) : null);

/** Union-find over the channel pairs of duplicate findings: each channel's cluster root (the smallest id). */
function clusters(findings: CaseFinding[]): Map<number, number> {
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    let root = x;
    while (parent.get(root) !== undefined && parent.get(root) !== root) root = parent.get(root)!;
    parent.set(x, root);
    return root;
  };
  for (const f of findings) {
    if (f.kind !== "duplicate_channel") continue;
    for (const c of f.channelIds) if (!parent.has(c)) parent.set(c, c);
    const [a, ...rest] = f.channelIds;
    for (const b of rest) {
      const [ra, rb] = [find(a!), find(b)];
      if (ra !== rb) parent.set(Math.max(ra, rb), Math.min(ra, rb));
    }
  }
  const out = new Map<number, number>();
  for (const c of parent.keys()) out.set(c, find(c));
  return out;
}

/** The case of one finding (see the module comment); `townshipOf` gives the township a unit lies in, or the unit at or above it. */
function keyOf(f: CaseFinding, cluster: Map<number, number>, townshipOf: (unitId: number | null) => number | null): Omit<CaseGroup, "findingIds" | "kinds" | "severity" | "burden"> {
  const channel = min(f.channelIds);
  switch (f.kind) {
    case "duplicate_channel": {
      const root = cluster.get(f.channelIds[0]!) ?? channel;
      return { key: `duplicate:${root}`, about: "duplicate_cluster", channelIds: [], issuerId: null, townshipId: null };
    }
    case "zombie":
    case "one_off": {
      const township = townshipOf(f.unitId);
      return { key: `usage:${channel}:${township}`, about: "channel_township", channelIds: channel === null ? [] : [channel], issuerId: null, townshipId: township };
    }
    case "overload": {
      if (f.subjectKey.startsWith("overload:issuer:")) return { key: `overload:issuer:${f.unitId}`, about: "issuer_overload", channelIds: [], issuerId: f.unitId, townshipId: null };
      const township = townshipOf(f.unitId);
      return { key: `overload:${township}`, about: "township_overload", channelIds: [], issuerId: null, townshipId: township };
    }
    case "policy_conflict":
      if (f.subjectKey.startsWith("policy_conflict:channel:")) return { key: `channel:${channel}`, about: "channel", channelIds: channel === null ? [] : [channel], issuerId: null, townshipId: null };
    // falls through: a mandate's policy conflict is a mandate kind
    default: {
      const issuer = min(f.issuerIds);
      return { key: `mandate:${issuer}:${channel}`, about: "issuer_channel", channelIds: channel === null ? [] : [channel], issuerId: issuer, townshipId: null };
    }
  }
}

/** Groups findings into cases, worst first: by the burden behind them, then severity, then key. */
export function groupCases(findings: CaseFinding[], townshipOf: (unitId: number | null) => number | null): CaseGroup[] {
  const cluster = clusters(findings);
  const cases = new Map<string, CaseGroup>();
  for (const f of [...findings].sort((a, b) => a.id - b.id)) {
    const k = keyOf(f, cluster, townshipOf);
    let c = cases.get(k.key);
    if (!c) cases.set(k.key, (c = { ...k, findingIds: [], kinds: [], severity: 0, burden: 0 }));
    c.findingIds.push(f.id);
    if (!c.kinds.includes(f.kind)) c.kinds.push(f.kind);
    c.severity = Math.max(c.severity, f.severity);
    c.burden += f.burden;
    if (k.about === "duplicate_cluster") c.channelIds = [...new Set([...c.channelIds, ...f.channelIds])].sort((a, b) => a - b);
  }
  return [...cases.values()].sort((a, b) => b.burden - a.burden || b.severity - a.severity || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
