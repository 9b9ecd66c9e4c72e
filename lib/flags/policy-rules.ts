/**
 * Policy rules a mandate or channel can conflict with, as data, each with its source. Wording is
 * paraphrased; check it against the official text before quoting (see the product brief).
 */
export type PolicyRule = { id: string; source: string; article: string; forbids: string };

export const POLICY_RULES: Record<string, PolicyRule> = {
  assessment_by_app: {
    id: "assessment_by_app",
    source: "《关于防治“指尖上的形式主义”的若干意见》(2023); 浙江省减负二十条",
    article: "不得将下载安装、关注公众号、使用积分等作为考核内容",
    forbids: "tying installation, points or usage to assessment",
  },
  ranking_naming: {
    id: "ranking_naming",
    source: "《政务移动互联网应用程序规范化管理办法》(国办函〔2026〕12号)",
    article: "禁止以安装率、使用率排名通报",
    forbids: "ranking or naming units by installation or usage",
  },
  download_quota: {
    id: "download_quota",
    source: "《关于防治“指尖上的形式主义”的若干意见》(2023)",
    article: "不得强制下载、不得设定安装率指标",
    forbids: "download or installation quotas",
  },
  checkin_points_online: {
    id: "checkin_points_online",
    source: "《政务移动互联网应用程序规范化管理办法》(国办函〔2026〕12号); 浙江省减负二十条",
    article: "原则上不得要求打卡签到、积分排名、统计在线时长，不得要求即时截图报送",
    forbids: "check-ins, points rankings, screenshots, online-time counting, forced log-ins or work photos",
  },
  below_county: {
    id: "below_county",
    source: "《政务移动互联网应用程序规范化管理办法》(国办函〔2026〕12号)",
    article: "县级以下单位原则上不得自建政务移动互联网应用程序",
    forbids: "government apps built by units below county level",
  },
  unfiled: {
    id: "unfiled",
    source: "《政务移动互联网应用程序规范化管理办法》(国办函〔2026〕12号)",
    article: "政务应用程序上线前应当备案",
    forbids: "apps and mini programs in use without filing",
  },
};

/** Actions that the rules forbid demanding of staff. */
export const FORBIDDEN_ACTIONS = [
  "checkin",
  "points_ranking",
  "screenshot",
  "online_time",
  "regular_login",
  "upload_photos",
] as const;
