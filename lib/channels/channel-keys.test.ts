import { describe, expect, it } from "vitest";
import { initialsOf, normalizeName } from "./channel-keys";

describe("channel keys", () => {
  it("folds width, script, case and spacing", () => {
    expect(normalizeName("粵省事")).toBe(normalizeName("粤省事"));
    expect(normalizeName("ＡＰＰ 学习 强国")).toBe("app学习强国");
    expect(normalizeName("國家醫保服務平台")).toBe("国家医保服务平台");
  });
  it("gives pinyin initials for search", () => {
    expect(initialsOf("学习强国")).toBe("xxqg");
    expect(initialsOf("掌上12333")).toBe("zs12333");
    expect(initialsOf("粵省事")).toBe("yss");
  });
});
