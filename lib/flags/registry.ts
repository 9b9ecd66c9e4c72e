import type { FlagKind } from "@/lib/db/generated/client";
import type { CaseRule } from "./cases/case-rule";
import type { Detector } from "./finding";
import { channelPolicyConflict, policyConflictCaseRule } from "./kinds/channel-policy";
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

/** Which case each kind's findings belong to, as each kind declares it beside its detector (lib/flags/cases). */
export const CASE_RULES: Record<FlagKind, CaseRule> = {
  duplicate_channel: duplicateCaseRule,
  policy_conflict: policyConflictCaseRule,
  ...mandateCaseRules,
  ...usageCaseRules,
};
