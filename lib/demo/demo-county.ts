/*
 * The demo county: made up, but shaped like a real one (a county under a city, county departments,
 * townships with their offices, villages and communities) with real-world national channels and
 * local ones that staff are typically made to use.
 */
export type DemoUnit = {
  code: string;
  name: string;
  level: "city" | "county" | "township" | "village" | "department";
  parent?: string;
};
export type DemoChannel = {
  name: string;
  kind: "app" | "mini_program" | "wechat_group" | "official_account" | "web_system" | "other";
  operator?: string;
  platformId?: string;
  aliases?: string[];
  purpose: "learning" | "checkin" | "reporting" | "publicity" | "service" | "communication" | "assessment" | "other";
  filing?: string;
};

export const DEMO_LOGINS = ["admin", "reviewer", "staff"] as const;
export const DEMO_PASSWORD = "fingertip-demo";

const COUNTY = "339900";
const departments = [
  "县委组织部",
  "县委宣传部",
  "县委政法委",
  "县民政局",
  "县农业农村局",
  "县卫健局",
  "县应急管理局",
  "县公安局",
  "团县委",
  "县妇联",
  "县人社局",
  "县医保局",
];
const townships: [string, string[]][] = [
  ["城关镇", ["前园村", "大河社区", "东岭村", "西湾村", "北园社区", "南桥社区"]],
  ["青石镇", ["青石村", "石桥村", "上庄村", "下庄村", "青石社区", "河口村"]],
  ["柳溪乡", ["柳溪村", "杨柳村", "溪口村", "新民村", "花园村", "长岭村"]],
  ["白沙镇", ["白沙社区", "沙田村", "中洲村", "江边村", "新河村", "高桥村"]],
  ["桃源乡", ["桃源村", "桃花村", "双溪村", "马鞍村", "官庄村", "红星村"]],
];

export function demoUnits(): DemoUnit[] {
  const units: DemoUnit[] = [
    { code: "339000", name: "示范市", level: "city" },
    { code: "339000-D01", name: "市委组织部", level: "department", parent: "339000" },
    { code: "339000-D02", name: "市数据局", level: "department", parent: "339000" },
    { code: COUNTY, name: "清河县", level: "county", parent: "339000" },
  ];
  departments.forEach((name, i) =>
    units.push({ code: `${COUNTY}-D${String(i + 1).padStart(2, "0")}`, name, level: "department", parent: COUNTY }),
  );
  townships.forEach(([town, villages], t) => {
    const townCode = `${COUNTY}${String(t + 1).padStart(3, "0")}`;
    units.push({ code: townCode, name: town, level: "township", parent: COUNTY });
    units.push({ code: `${townCode}-DZB`, name: `${town}党政办`, level: "department", parent: townCode });
    villages.forEach((v, i) =>
      units.push({ code: `${townCode}${String(i + 1).padStart(3, "0")}`, name: v, level: "village", parent: townCode }),
    );
  });
  return units;
}

export const demoChannels: DemoChannel[] = [
  {
    name: "学习强国",
    kind: "app",
    operator: "中共中央宣传部",
    platformId: "cn.xuexi.android",
    aliases: ["学习强国APP"],
    purpose: "learning",
  },
  {
    name: "共产党员",
    kind: "official_account",
    operator: "中共中央组织部",
    aliases: ["共产党员公众号"],
    purpose: "learning",
  },
  { name: "智慧团建", kind: "web_system", operator: "共青团中央", purpose: "reporting" },
  { name: "青年大学习", kind: "official_account", operator: "共青团中央", purpose: "learning" },
  {
    name: "国家反诈中心",
    kind: "app",
    operator: "公安部刑事侦查局",
    platformId: "com.hicorenational.antifraud",
    purpose: "service",
  },
  { name: "全国防返贫监测信息系统", kind: "web_system", operator: "国家乡村振兴局", purpose: "reporting" },
  { name: "掌上12333", kind: "app", operator: "人力资源和社会保障部", purpose: "service" },
  { name: "国家医保服务平台", kind: "app", operator: "国家医疗保障局", purpose: "service" },
  { name: "个人所得税", kind: "app", operator: "国家税务总局", platformId: "cn.gov.tax.its", purpose: "service" },
  {
    name: "钉钉",
    kind: "app",
    operator: "阿里巴巴",
    platformId: "com.alibaba.android.rimet",
    aliases: ["DingTalk"],
    purpose: "communication",
  },
  { name: "企业微信", kind: "app", operator: "腾讯", platformId: "com.tencent.wework", purpose: "communication" },
  {
    name: "清河党建云",
    kind: "app",
    operator: "339900-D01",
    aliases: ["智慧党建"],
    purpose: "learning",
    filing: "unfiled",
  },
  { name: "清河发布", kind: "official_account", operator: "339900-D02", purpose: "publicity" },
  { name: "清河融媒", kind: "app", operator: "339900-D02", purpose: "publicity" },
  { name: "网格通", kind: "app", operator: "339900-D03", purpose: "reporting" },
  { name: "网格通APP", kind: "app", operator: "县委政法委", purpose: "reporting" },
  { name: "平安乡村", kind: "app", operator: "339900-D08", purpose: "reporting" },
  { name: "应急广播APP", kind: "app", operator: "339900-D07", purpose: "communication" },
  { name: "防汛通", kind: "app", operator: "339900-D07", purpose: "reporting" },
  { name: "健康码管理端", kind: "mini_program", operator: "339900-D06", purpose: "reporting" },
  { name: "妇联执委通", kind: "mini_program", operator: "339900-D10", purpose: "communication" },
  { name: "村务公开平台", kind: "web_system", operator: "339900-D04", purpose: "publicity" },
  { name: "志愿汇", kind: "app", purpose: "other" },
  { name: "随手拍", kind: "mini_program", operator: "339900001-DZB", purpose: "reporting", filing: "unfiled" },
  { name: "城关镇网格员工作群", kind: "wechat_group", operator: "339900001-DZB", purpose: "communication" },
  { name: "城关镇党建工作群", kind: "wechat_group", operator: "339900001-DZB", purpose: "communication" },
  { name: "青石镇防汛工作群", kind: "wechat_group", operator: "339900002-DZB", purpose: "communication" },
  { name: "柳溪乡安全生产群", kind: "wechat_group", operator: "339900003-DZB", purpose: "communication" },
  { name: "白沙镇宣传信息报送群", kind: "wechat_group", operator: "339900004-DZB", purpose: "reporting" },
  { name: "桃源乡脱贫攻坚工作群", kind: "wechat_group", operator: "339900005-DZB", purpose: "communication" },
  // The same product entered twice under another name, as happens: for the reviewer to merge.
  { name: "清河融媒客户端", kind: "app", operator: "339900-D02", purpose: "publicity" },
  { name: "平安乡村APP", kind: "app", operator: "339900-D08", purpose: "reporting" },
];

/** Which county department tends to demand which channel (issuer code suffix → channel names). */
export const demoIssuers: Record<string, string[]> = {
  D01: ["学习强国", "共产党员", "清河党建云"],
  D02: ["清河发布", "清河融媒", "学习强国"],
  D03: ["网格通", "平安乡村"],
  D04: ["村务公开平台", "志愿汇"],
  D05: ["全国防返贫监测信息系统"],
  D06: ["健康码管理端", "国家医保服务平台"],
  D07: ["应急广播APP", "防汛通"],
  D08: ["国家反诈中心", "平安乡村", "网格通APP"],
  D09: ["智慧团建", "青年大学习"],
  D10: ["妇联执委通"],
  D11: ["掌上12333", "个人所得税"],
  D12: ["国家医保服务平台"],
};
