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
 * Each kind declares its rule beside its detector (lib/flags/kinds, CASE_RULES in the registry).
 */

import { CASE_RULES } from "../registry";
import type { CaseContext, CaseFinding, CaseGroup, CaseRule } from "./case-rule";

export type { CaseFinding, CaseGroup } from "./case-rule";

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

/** Groups findings into cases, worst first: by the burden behind them, then severity, then key. */
export function groupCases(
  findings: CaseFinding[],
  townshipOf: (unitId: number | null) => number | null,
  rules: Record<string, CaseRule> = CASE_RULES,
): CaseGroup[] {
  const ctx: CaseContext = { cluster: clusters(findings), townshipOf };
  const cases = new Map<string, CaseGroup>();
  for (const f of [...findings].sort((a, b) => a.id - b.id)) {
    // A kind without a rule of its own (none today) is a case per finding rather than lost.
    const k = rules[f.kind]?.(f, ctx) ?? {
      key: `finding:${f.id}`,
      about: "channel" as const,
      channelIds: f.channelIds,
      issuerId: null,
      townshipId: null,
    };
    let c = cases.get(k.key);
    if (!c) cases.set(k.key, (c = { ...k, findingIds: [], kinds: [], severity: 0, burden: 0 }));
    c.findingIds.push(f.id);
    if (!c.kinds.includes(f.kind)) c.kinds.push(f.kind);
    c.severity = Math.max(c.severity, f.severity);
    c.burden += f.burden;
    if (k.about === "duplicate_cluster")
      c.channelIds = [...new Set([...c.channelIds, ...f.channelIds])].sort((a, b) => a - b);
  }
  return [...cases.values()].sort(
    (a, b) => b.burden - a.burden || b.severity - a.severity || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
}
