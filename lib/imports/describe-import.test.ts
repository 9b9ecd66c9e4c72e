import { describe, expect, it } from "vitest";
import { translator } from "@/lib/i18n/messages";
import { describeChange } from "./describe-import";

describe("an import's changes in words", () => {
  it("names columns, says yes/no, reads lists as lists and codes in the reader's words", () => {
    const change = {
      line: 3,
      record: "钉钉",
      created: false,
      columns: [
        { column: "kind", before: "app", after: "mini_program" },
        { column: "aliases", before: "DingTalk", after: "DingTalk|钉钉办公" },
        { column: "ranking", before: "false", after: "true" },
        { column: "actions", before: "", after: "install|checkin" },
      ],
    };
    expect(describeChange(translator("zh-CN"), change)).toBe(
      "类型 移动应用 → 小程序；别名 DingTalk → DingTalk、钉钉办公；排名通报 否 → 是；要求的动作 安装、每日打卡",
    );
    expect(describeChange(translator("en"), change)).not.toMatch(/\b(mini_program|checkin)\b/);
  });
});
