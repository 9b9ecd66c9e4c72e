import { effectiveLevel } from "@/lib/units/unit-level";
import { POLICY_RULES } from "../policy-rules";
import { caseBy, type CaseRule } from "../cases/case-rule";
import type { Detector, Finding } from "../finding";

export const CHANNEL_POLICY = "policy_conflict:channel:";

/**
 * Cases of policy conflicts: a channel's own conflict (its sponsor, its filing) is one case per
 * channel; a mandate's conflict joins the other reasons of its department and channel.
 */
export const policyConflictCaseRule: CaseRule = (f) => {
  if (!f.subjectKey.startsWith(CHANNEL_POLICY)) return caseBy.issuerAndChannel(f);
  const channel = f.channelIds.length ? Math.min(...f.channelIds) : null;
  return {
    key: `channel:${channel}`,
    about: "channel",
    channelIds: channel === null ? [] : [channel],
    issuerId: null,
    townshipId: null,
  };
};

const BELOW_COUNTY = new Set(["township", "village"]);

/** Apps and mini programs sponsored below county level, or recorded as not filed (unknown is no conflict). */
export const channelPolicyConflict: Detector = {
  kind: "policy_conflict",
  scope: "unit",
  explains: ["policy_conflict"],
  detect(ledger) {
    const findings: Finding[] = [];
    for (const c of ledger.channels.values()) {
      if (c.kind !== "app" && c.kind !== "mini_program") continue;
      const sponsor = c.operatorUnitId ? ledger.units.get(c.operatorUnitId) : undefined;
      const rules = [
        sponsor && BELOW_COUNTY.has(effectiveLevel(sponsor, (id) => ledger.units.get(id))) && POLICY_RULES.below_county,
        c.filing?.trim().toLowerCase() === "unfiled" && POLICY_RULES.unfiled,
      ].filter((r) => !!r);
      if (!rules.length) continue;
      findings.push({
        kind: "policy_conflict",
        subjectKey: `${CHANNEL_POLICY}${c.id}`,
        severity: rules.length >= 2 ? 3 : 2,
        unitId: sponsor?.id ?? null,
        channelIds: [c.id],
        reporterId: null,
        params: {
          issuer: sponsor?.name ?? c.operatorName ?? "-",
          channel: c.name,
          rules: rules.map((r) => r.id).join(","),
        },
        evidence: {
          channel: { name: c.name, kind: c.kind, sponsor: sponsor?.code ?? c.operatorName, filing: c.filing },
          rules: rules.map((r) => r.id),
        },
        burden: 0,
      });
    }
    return findings;
  },
};
