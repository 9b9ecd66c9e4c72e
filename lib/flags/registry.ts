import type { Detector } from "./finding";
import { channelPolicyConflict } from "./kinds/channel-policy";
import { duplicateChannel } from "./kinds/duplicate-channel";
import { duplicateMandate, forcedOnResidents, mandatePolicyConflict, overlappingFunction } from "./kinds/mandate-kinds";
import { oneOff, overload, zombie } from "./kinds/usage-kinds";

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
