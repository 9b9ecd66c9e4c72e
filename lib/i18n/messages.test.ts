import { describe, expect, it } from "vitest";
import { en } from "./en";
import { isLocale, translator } from "./messages";
import { zhCN } from "./zh-CN";

describe("dictionaries", () => {
  it("English has every key of zh-CN and no other", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
  });
  it("no entry is empty, and placeholders match across languages", () => {
    const holes = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(zhCN) as (keyof typeof zhCN)[]) {
      expect(zhCN[key].trim(), key).not.toBe("");
      expect(en[key].trim(), key).not.toBe("");
      expect(holes(en[key]), key).toEqual(holes(zhCN[key]));
    }
  });
  it("zh-CN is the default and placeholders are filled", () => {
    expect(translator("zh-CN")("me.unit", { unit: "前园村" })).toBe("所在单位：前园村");
    expect(translator("en")("me.unit", { unit: "Qianyuan" })).toBe("Unit: Qianyuan");
  });
  it("only known locales are accepted", () => {
    expect(isLocale("en")).toBe(true);
    expect(isLocale("fr")).toBe(false);
    expect(isLocale(undefined)).toBe(false);
  });
});
