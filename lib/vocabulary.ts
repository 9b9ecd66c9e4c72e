/** The brief's code lists (section 8), shared by imports, forms and the dictionaries. Client-safe. */
export const UNIT_LEVELS = ["province", "city", "county", "township", "village", "department"] as const;
export const CHANNEL_KINDS = [
  "app",
  "mini_program",
  "wechat_group",
  "official_account",
  "web_system",
  "other",
] as const;
export const PURPOSES = [
  "learning",
  "checkin",
  "reporting",
  "publicity",
  "service",
  "communication",
  "assessment",
  "other",
] as const;
export const ACTIONS = [
  "install",
  "register",
  "checkin",
  "points_ranking",
  "screenshot",
  "promote",
  "follow_share_like",
  "vote",
  "survey",
  "report_data",
  "join_group",
  "online_time",
  "regular_login",
  "upload_photos",
] as const;

export type ActionCode = (typeof ACTIONS)[number];
export type ChannelKindCode = (typeof CHANNEL_KINDS)[number];
