import type { FlagKind } from "@/lib/db/generated/client";
import type { CaseRule } from "./cases/case-rule";
import type { Detector } from "./finding";
import { CHANNEL_POLICY, channelPolicyConflict, policyConflictCaseRule } from "./kinds/channel-policy";
import { duplicateCaseRule, duplicateChannel } from "./kinds/duplicate-channel";
import {
  duplicateMandate,
  forcedOnResidents,
  mandateCaseRules,
  mandatePolicyConflict,
  overlappingFunction,
} from "./kinds/mandate-kinds";
import { oneOff, overload, usageCaseRules, zombie } from "./kinds/usage-kinds";

/** Every detector; a new kind of finding is one file and one line here. */
export const DETECTORS: Detector[] = [
  duplicateChannel,
  overlappingFunction,
  duplicateMandate,
  zombie,
  oneOff,
  mandatePolicyConflict,
  channelPolicyConflict,
  forcedOnResidents,
  overload,
];

/**
 * Detectors that read the national catalogue alone (and the tree, to place a finding): in a
 * recompute by region they are one job of their own, and their flags are found by these subjects.
 */
export const CATALOGUE_DETECTORS: readonly Detector[] = [duplicateChannel, channelPolicyConflict];
export const CATALOGUE_FLAGS = `(kind = 'duplicate_channel' OR subject_key LIKE '${CHANNEL_POLICY}%')`;
/** The rest judge one unit, one mandate or one person: each finding lies in its unit's province. */
export const PROVINCE_DETECTORS: readonly Detector[] = DETECTORS.filter((d) => !CATALOGUE_DETECTORS.includes(d));

/** Which case each kind's findings belong to, as each kind declares it beside its detector (lib/flags/cases). */
export const CASE_RULES: Record<FlagKind, CaseRule> = {
  duplicate_channel: duplicateCaseRule,
  policy_conflict: policyConflictCaseRule,
  ...mandateCaseRules,
  ...usageCaseRules,
};
