import { z } from "zod";

/** Flag and publication thresholds (brief §5 and §7 defaults), with the ranges an admin may set. */
export const THRESHOLD_FIELDS = {
  zombieDays: { default: 90, min: 7, max: 3650 },
  // Per channel kind (the brief lets thresholds differ by kind); 0 means "as zombieDays".
  zombieDaysMiniProgram: { default: 0, min: 7, max: 3650, zeroMeans: "settings.zeroInherits" },
  zombieDaysWechatGroup: { default: 0, min: 7, max: 3650, zeroMeans: "settings.zeroInherits" },
  zombieDaysOfficialAccount: { default: 0, min: 7, max: 3650, zeroMeans: "settings.zeroInherits" },
  zombieMinReporters: { default: 3, min: 1, max: 100 },
  zombieSharePercent: { default: 50, min: 10, max: 100 },
  // A never-used installation younger than this is not idle yet (brief: "installs younger than the
  // threshold get a grace period"); 0 means the idle days of the channel's kind.
  installGraceDays: { default: 0, min: 1, max: 3650, zeroMeans: "settings.graceInherits" },
  overloadChannels: { default: 10, min: 1, max: 500 },
  overloadAccounts: { default: 20, min: 1, max: 1000 },
  overloadHoursPerWeek: { default: 5, min: 1, max: 168 },
  issuerAppLimit: { default: 1, min: 1, max: 50 },
  publicMinReporters: { default: 5, min: 3, max: 100 },
  /** How deep the public drill-down goes: 1 province, 2 city, 3 county, 4 township (villages never alone). */
  publicFloor: { default: 4, min: 1, max: 4 },
  /** Public figures change only at releases: every this many days (7: Mondays), at the hour below, Beijing time; 0 means live. */
  publicReleaseDays: { default: 1, min: 1, max: 28, zeroMeans: "settings.zeroLive" },
  publicReleaseHour: { default: 6, min: 0, max: 23 },
} as const satisfies Record<
  string,
  {
    default: number;
    min: number;
    max: number;
    zeroMeans?: "settings.zeroInherits" | "settings.graceInherits" | "settings.zeroLive";
  }
>;

export type ThresholdName = keyof typeof THRESHOLD_FIELDS;
export type Thresholds = Record<ThresholdName, number>;

export const DEFAULT_THRESHOLDS = Object.fromEntries(
  Object.entries(THRESHOLD_FIELDS).map(([k, v]) => [k, v.default]),
) as Thresholds;

export const thresholdsSchema = z.object(
  Object.fromEntries(
    Object.entries(THRESHOLD_FIELDS).map(([k, v]) => [
      k,
      z.coerce
        .number({ error: "invalid_number" })
        .int("invalid_number")
        .refine((n) => (n === 0 && "zeroMeans" in v) || (n >= v.min && n <= v.max), "out_of_range"),
    ]),
  ) as unknown as Record<ThresholdName, z.ZodType<number, unknown>>,
);

export const saveThresholdsSchema = thresholdsSchema.extend({
  /** When the form was loaded: a later save by someone else makes this one a conflict. */
  loadedAt: z.union([z.literal(""), z.iso.datetime({ error: "invalid" })], { error: "invalid" }),
});

const ZOMBIE_DAYS_BY_KIND: Partial<Record<string, ThresholdName>> = {
  mini_program: "zombieDaysMiniProgram",
  wechat_group: "zombieDaysWechatGroup",
  official_account: "zombieDaysOfficialAccount",
};

/** Days without real use after which a channel of this kind counts as idle. */
export function zombieDaysFor(t: Thresholds, channelKind: string): number {
  const name = ZOMBIE_DAYS_BY_KIND[channelKind];
  return (name && t[name]) || t.zombieDays;
}
