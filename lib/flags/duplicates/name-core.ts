import * as OpenCC from "opencc-js/t2cn";

/*
 * The "core" of a channel name: what is left when the words that say what kind of thing it is
 * (APP, 小程序, 平台, 客户端, 版, version numbers, a bracketed remark) and a leading region or
 * "national" qualifier are taken away. Two entries with the same core are probably one product.
 */

const toSimplified = OpenCC.Converter({ from: "tw", to: "cn" });

// Longest first, so "微信小程序" goes before "小程序".
const SUFFIXES = [
  "微信小程序",
  "支付宝小程序",
  "小程序",
  "客户端",
  "手机版",
  "网页版",
  "电脑版",
  "移动端",
  "官方版",
  "公众号",
  "服务号",
  "订阅号",
  "平台",
  "系统",
  "app",
  "apk",
  "版",
  "微信",
  "官方",
].sort((a, b) => b.length - a.length);

/** Qualifiers that name where, not what: provinces (full and short), and national ones. */
const REGION_PREFIXES = [
  "国家",
  "全国",
  "北京",
  "天津",
  "上海",
  "重庆",
  "河北",
  "山西",
  "辽宁",
  "吉林",
  "黑龙江",
  "江苏",
  "浙江",
  "安徽",
  "福建",
  "江西",
  "山东",
  "河南",
  "湖北",
  "湖南",
  "广东",
  "海南",
  "四川",
  "贵州",
  "云南",
  "陕西",
  "甘肃",
  "青海",
  "台湾",
  "内蒙古",
  "广西",
  "西藏",
  "宁夏",
  "新疆",
  "香港",
  "澳门",
].sort((a, b) => b.length - a.length);

function stripSuffixes(s: string): string {
  let out = s;
  // Strip one suffix at a time, always trying the longest first again ("…平台APP" → "…平台" → "…").
  for (let suffix = findSuffix(out); suffix; suffix = findSuffix(out)) out = out.slice(0, -suffix.length);
  return out;
}

function findSuffix(s: string): string | undefined {
  return SUFFIXES.find((suffix) => s.length > suffix.length + 1 && s.endsWith(suffix));
}

/** Width, script, case, brackets, versions, spaces and punctuation folded; suffixes removed. */
export function nameCore(name: string): string {
  let s = toSimplified(name.normalize("NFKC")).toLowerCase().trim();
  const unbracketed = s.replace(/[(（【\[][^)）】\]]*[)）】\]]/g, "").trim();
  if (unbracketed) s = unbracketed;
  s = s.replace(/\s*v?\d+(\.\d+)+\s*$/i, "");
  s = s.replace(/[\s\p{P}\p{S}]+/gu, "");
  return stripSuffixes(s);
}

/** The leading region or national qualifier of a core ("黑龙江全省事" → "黑龙江"), or null. */
export function regionOf(core: string): string | null {
  return REGION_PREFIXES.find((p) => core.startsWith(p) && core.length - p.length >= 3) ?? null;
}

/** The core without its region qualifier ("黑龙江全省事" → "全省事"), or null when there is none. */
export function regionlessCore(core: string): string | null {
  const prefix = regionOf(core);
  return prefix ? stripSuffixes(core.slice(prefix.length)) : null;
}

const LEVELS = new Set(["省", "市", "区", "县"]);

/**
 * A county-made name written without the administrative level after its place ("桐乡市议事厅" →
 * "桐乡议事厅", "余杭区数字城管" → "余杭数字城管"): the level removed where a place name of two or
 * three characters ends, or null. Two places one character apart (桐乡 / 桐庐) stay apart: only the
 * level is taken away, never a character of the place.
 */
export function levellessCore(core: string): string | null {
  const chars = [...core];
  for (const at of [2, 3]) {
    if (chars.length - at - 1 >= 2 && LEVELS.has(chars[at]!))
      return [...chars.slice(0, at), ...chars.slice(at + 1)].join("");
  }
  return null;
}
