import { FORBIDDEN_ACTIONS, POLICY_RULES } from "../policy-rules";
import { groupByPair } from "../group-by";
import { caseBy, type CaseRule } from "../cases/case-rule";
import {
  distinctIds,
  mandatesByUnitBound,
  minutesAt,
  type Detector,
  type Finding,
  type Ledger,
  type MandateRow,
} from "../finding";

/*
 * Mandates and rules travel in the evidence by id (see lib/flags/expand-evidence.ts for the rows
 * a reader sees): copies of the rows made most of a flag's bytes, and writing 2.4 million flags
 * with them cost several times the scan of the whole ledger. Mandates are retired, never deleted,
 * so an id always leads to its row.
 */
const mandateIds = (ms: MandateRow[]) => distinctIds(ms.map((m) => m.id));

/**
 * Where a mandate known from staff reports comes from, for its explanation: how many staff said it,
 * or only "fewer than the publication threshold" (a small count next to a village's name would
 * point at its people).
 */
function reportedBy(ledger: Ledger, ms: MandateRow[]): Record<string, number> {
  const reporters = ms.reduce((n, m) => n + m.reporters, 0);
  if (reporters === 0) return {};
  const k = ledger.thresholds.publicMinReporters;
  return reporters >= k ? { reportedBy: reporters } : { reportedByFewerThan: k };
}

type AboutMandate = Pick<Finding, "kind" | "subjectKey" | "severity" | "params" | "issuerIds" | "evidence">;

/**
 * A finding about one mandate's unit and channel, built as one object literal: the detectors make
 * millions of them, and spreading a helper's object into each cost ~100 ms per 800,000.
 */
const onUnitAndChannel = (ledger: Ledger, m: MandateRow, f: AboutMandate): Finding => ({
  kind: f.kind,
  subjectKey: f.subjectKey,
  severity: f.severity,
  unitId: m.targetUnitId,
  channelIds: [m.channelId],
  reporterId: null,
  params: f.params,
  issuerIds: f.issuerIds,
  evidence: f.evidence,
  burden: minutesAt(ledger, m.targetUnitId, m.channelId),
});

/**
 * The subjects of the mandate kinds: what makes a finding the same flag from one recompute to the
 * next. The recompute after one report builds the keys it can reach with these same functions.
 */
export const mandateSubjects = {
  duplicate: (unitId: number, channelId: number) => `duplicate_mandate:${unitId}:${channelId}`,
  overlapping: (unitId: number, purpose: string) => `overlapping_function:${unitId}:${purpose}`,
  forced: (mandateId: number) => `forced_on_residents:${mandateId}`,
  policyConflict: (mandateId: number) => `policy_conflict:mandate:${mandateId}`,
};

/** Cases: one per issuing department and channel, the mandate kinds' reasons listed together. */
export const mandateCaseRules: Record<"duplicate_mandate" | "overlapping_function" | "forced_on_residents", CaseRule> =
  {
    duplicate_mandate: caseBy.issuerAndChannel,
    overlapping_function: caseBy.issuerAndChannel,
    forced_on_residents: caseBy.issuerAndChannel,
  };

/** The same channel required of the same unit by two or more issuers. */
export const duplicateMandate: Detector = {
  kind: "duplicate_mandate",
  scope: "unit",
  explains: ["duplicate_mandate"],
  *detect(ledger) {
    for (const group of groupByPair(
      mandatesByUnitBound(ledger),
      (m) => m.targetUnitId,
      (m) => m.channelId,
    )) {
      if (group.length < 2) continue;
      const issuers = [...new Set(group.map((m) => m.issuerUnitId))];
      if (issuers.length < 2) continue;
      const m = group[0]!;
      yield onUnitAndChannel(ledger, m, {
        kind: "duplicate_mandate",
        subjectKey: mandateSubjects.duplicate(m.targetUnitId, m.channelId),
        severity: issuers.length >= 3 ? 3 : 2,
        params: {
          unit: ledger.units.get(m.targetUnitId)!.name,
          channel: ledger.channels.get(m.channelId)!.name,
          issuers: issuers.map((i) => ledger.units.get(i)!.name).join("、"),
          n: issuers.length,
          ...reportedBy(ledger, group),
        },
        issuerIds: distinctIds(issuers),
        evidence: { mandates: mandateIds(group) },
      });
    }
  },
};

/** One unit required to use two or more active channels of the same purpose. */
export const overlappingFunction: Detector = {
  kind: "overlapping_function",
  scope: "unit",
  explains: ["overlapping_function"],
  *detect(ledger) {
    const withPurpose = mandatesByUnitBound(ledger).filter(
      (m) => ledger.channels.get(m.channelId)?.purpose !== "other",
    );
    for (const group of groupByPair(
      withPurpose,
      (m) => m.targetUnitId,
      (m) => ledger.channels.get(m.channelId)!.purpose,
    )) {
      if (group.length < 2) continue;
      const channels = distinctIds(group.map((m) => m.channelId));
      if (channels.length < 2) continue;
      const unitId = group[0]!.targetUnitId;
      const purpose = ledger.channels.get(group[0]!.channelId)!.purpose;
      yield {
        kind: "overlapping_function",
        subjectKey: mandateSubjects.overlapping(unitId, purpose),
        severity: channels.length >= 4 ? 3 : channels.length === 3 ? 2 : 1,
        unitId,
        channelIds: channels,
        reporterId: null,
        params: {
          unit: ledger.units.get(unitId)!.name,
          purpose,
          channels: channels.map((c) => ledger.channels.get(c)!.name).join("、"),
          n: channels.length,
          ...reportedBy(ledger, group),
        },
        issuerIds: distinctIds(group.map((g) => g.issuerUnitId)),
        evidence: { purpose, mandates: mandateIds(group) },
        burden: channels.reduce((sum, c) => sum + minutesAt(ledger, unitId, c), 0),
      };
    }
  },
};

/** A mandate that makes staff promote a channel to residents (often with a download quota). */
export const forcedOnResidents: Detector = {
  kind: "forced_on_residents",
  scope: "unit",
  explains: ["forced_on_residents"],
  *detect(ledger) {
    for (const m of ledger.mandates) {
      if (!m.actions.includes("promote")) continue;
      yield onUnitAndChannel(ledger, m, {
        kind: "forced_on_residents",
        subjectKey: mandateSubjects.forced(m.id),
        severity: m.quota ? 3 : 2,
        params: {
          issuer: ledger.units.get(m.issuerUnitId)!.name,
          unit: ledger.units.get(m.targetUnitId)!.name,
          channel: ledger.channels.get(m.channelId)!.name,
          quota: m.quota ?? "-",
          ...reportedBy(ledger, [m]),
        },
        issuerIds: [m.issuerUnitId],
        evidence: { mandates: [m.id] },
      });
    }
  },
};

/** The demanded actions a rule forbids (check-ins, points, screenshots…), so the explanation names them, not the whole rule. */
function demandedOf(actions: readonly string[]): { demanded?: string } {
  const forbidden = actions.filter((a) => (FORBIDDEN_ACTIONS as readonly string[]).includes(a));
  return forbidden.length ? { demanded: forbidden.join(",") } : {};
}

/** Mandates that break a rule: assessment, ranking, quotas, check-ins and the like (each rule cited). */
export const mandatePolicyConflict: Detector = {
  kind: "policy_conflict",
  scope: "unit",
  explains: ["policy_conflict"],
  *detect(ledger) {
    // Rows share their action lists (a dozen among millions of mandates): judged once per list.
    const forbidden = new Map<readonly string[], boolean>();
    for (const m of ledger.mandates) {
      let demands = forbidden.get(m.actions);
      if (demands === undefined)
        forbidden.set(
          m.actions,
          (demands = m.actions.some((a) => (FORBIDDEN_ACTIONS as readonly string[]).includes(a))),
        );
      const quota = (m.quota ?? 0) > 0;
      // Most mandates break no rule: nothing is made for them.
      if (!m.assessmentLinked && !m.ranking && !quota && !demands) continue;
      const rules: string[] = [];
      if (m.assessmentLinked) rules.push(POLICY_RULES.assessment_by_app!.id);
      if (m.ranking) rules.push(POLICY_RULES.ranking_naming!.id);
      if (quota) rules.push(POLICY_RULES.download_quota!.id);
      if (demands) rules.push(POLICY_RULES.checkin_points_online!.id);
      yield onUnitAndChannel(ledger, m, {
        kind: "policy_conflict",
        subjectKey: mandateSubjects.policyConflict(m.id),
        severity: rules.length >= 2 ? 3 : 2,
        params: {
          issuer: ledger.units.get(m.issuerUnitId)!.name,
          channel: ledger.channels.get(m.channelId)!.name,
          rules: rules.join(","),
          ...demandedOf(m.actions),
          ...reportedBy(ledger, [m]),
        },
        issuerIds: [m.issuerUnitId],
        evidence: { mandates: [m.id], rules },
      });
    }
  },
};
