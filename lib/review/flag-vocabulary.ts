export const FLAG_KINDS = ["duplicate_channel", "overlapping_function", "duplicate_mandate", "zombie", "one_off", "policy_conflict", "forced_on_residents", "overload"] as const;
export const FLAG_STATUSES = ["open", "confirmed", "dismissed", "resolved"] as const;
export type FlagStatusCode = (typeof FLAG_STATUSES)[number];
/** What a reviewer may recommend (brief §6). */
export const RECOMMENDATIONS = ["retire_channel", "merge_channel", "revoke_mandate", "rectify_rule"] as const;
