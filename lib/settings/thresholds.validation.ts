import { z } from "zod";

/** Flag and publication thresholds (brief §5 and §7 defaults), with the ranges an admin may set. */
export const THRESHOLD_FIELDS = {
  zombieDays: { default: 90, min: 7, max: 3650 },
  zombieMinReporters: { default: 3, min: 1, max: 100 },
  zombieSharePercent: { default: 50, min: 10, max: 100 },
  installGraceDays: { default: 30, min: 0, max: 365 },
  overloadChannels: { default: 10, min: 1, max: 500 },
  overloadAccounts: { default: 20, min: 1, max: 1000 },
  overloadHoursPerWeek: { default: 5, min: 1, max: 168 },
  issuerAppLimit: { default: 1, min: 1, max: 50 },
  publicMinReporters: { default: 5, min: 3, max: 100 },
} as const;

export type ThresholdName = keyof typeof THRESHOLD_FIELDS;
export type Thresholds = Record<ThresholdName, number>;

export const DEFAULT_THRESHOLDS = Object.fromEntries(
  Object.entries(THRESHOLD_FIELDS).map(([k, v]) => [k, v.default]),
) as Thresholds;

export const thresholdsSchema = z.object(
  Object.fromEntries(
    Object.entries(THRESHOLD_FIELDS).map(([k, v]) => [
      k,
      z.coerce.number({ error: "invalid_number" }).int("invalid_number").min(v.min, "out_of_range").max(v.max, "out_of_range"),
    ]),
  ) as unknown as Record<ThresholdName, z.ZodType<number, unknown>>,
);

export const saveThresholdsSchema = thresholdsSchema.extend({
  /** When the form was loaded: a later save by someone else makes this one a conflict. */
  loadedAt: z.string().max(40),
});
