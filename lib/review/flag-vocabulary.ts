export const FLAG_KINDS = [
  "duplicate_channel",
  "overlapping_function",
  "duplicate_mandate",
  "zombie",
  "one_off",
  "policy_conflict",
  "forced_on_residents",
  "overload",
] as const;
export const FLAG_STATUSES = ["open", "confirmed", "dismissed", "resolved"] as const;
export type FlagStatusCode = (typeof FLAG_STATUSES)[number];
/**
 * Why a resolved finding counts as cleaned up: someone acted (a reviewer, a merge, a mandate
 * revoked or ended). A finding that merely stopped being found (its report changed) did not.
 */
export const CLEANED_UP_REASONS = ["reviewer", "merged", "mandate_revoked", "mandate_ended"] as const;
/** What a reviewer may recommend (brief §6). */
export const RECOMMENDATIONS = ["retire_channel", "merge_channel", "revoke_mandate", "rectify_rule"] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];

/**
 * The recommendations that fit each kind of finding, the likeliest first: a duplicate is merged,
 * an idle channel retired, a mandate revoked; an overload is cut by revoking what causes it, never
 * by retiring a channel for everyone.
 */
export const RECOMMENDATIONS_FOR: Record<(typeof FLAG_KINDS)[number], readonly Recommendation[]> = {
  duplicate_channel: ["merge_channel", "retire_channel"],
  overlapping_function: ["merge_channel", "revoke_mandate", "retire_channel"],
  duplicate_mandate: ["revoke_mandate"],
  zombie: ["retire_channel", "revoke_mandate"],
  one_off: ["retire_channel", "revoke_mandate"],
  policy_conflict: ["revoke_mandate", "rectify_rule", "retire_channel"],
  forced_on_residents: ["revoke_mandate", "rectify_rule"],
  overload: ["revoke_mandate", "rectify_rule"],
};

export function recommendationsFor(kind: string): readonly Recommendation[] {
  return RECOMMENDATIONS_FOR[kind as keyof typeof RECOMMENDATIONS_FOR] ?? RECOMMENDATIONS;
}
