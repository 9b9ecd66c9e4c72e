import * as OpenCC from "opencc-js/t2cn";
import { pinyin } from "pinyin-pro";

const toSimplified = OpenCC.Converter({ from: "tw", to: "cn" });

/** Full/half width, traditional/simplified, case, spaces and punctuation folded; the flag engine refines it. */
export function normalizeName(name: string): string {
  return toSimplified(name.normalize("NFKC"))
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, "");
}

/** Pinyin initials, so "xxqg" finds 学习强国; letters and digits are kept as typed (lowercased). */
export function initialsOf(name: string): string {
  const simplified = toSimplified(name.normalize("NFKC"));
  return pinyin(simplified, { pattern: "first", toneType: "none", type: "array", nonZh: "consecutive" })
    .join("")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}
