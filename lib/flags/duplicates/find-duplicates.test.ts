import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { parseCsv } from "@/lib/csv/parse-csv";
import { findDuplicatePairs } from "./find-duplicates";
import { nameCore } from "./name-core";
import type { ChannelForMatching } from "./score-pair";

// The labelled sample as the workplace keeps it, else the copy in the repository (a clone elsewhere).
const SAMPLE = ["../shared/data/channels-dev.csv", "e2e/data/channels-dev.csv"].find((f) => fs.existsSync(f))!;

function labelled(): { channels: ChannelForMatching[]; cluster: Map<number, string> } {
  const rows = parseCsv(fs.readFileSync(SAMPLE, "utf8")).rows;
  const channels = rows.map((r, i) => ({
    id: i + 1,
    names: [r.cells.name!, ...(r.cells.aliases ? r.cells.aliases.split("|") : [])],
    kind: r.cells.kind!,
    operator: r.cells.operator || null,
    platformId: r.cells.platform_id || null,
  }));
  return { channels, cluster: new Map(rows.map((r, i) => [i + 1, r.cells.cluster!])) };
}

describe("duplicate channels on the labelled sample", () => {
  it("finds the same product under other names with high precision and recall", () => {
    const { channels, cluster } = labelled();
    const found = findDuplicatePairs(channels);
    const truth = new Set<string>();
    for (const a of channels)
      for (const b of channels)
        if (a.id < b.id && cluster.get(a.id) === cluster.get(b.id)) truth.add(`${a.id}:${b.id}`);
    const hits = found.filter((p) => truth.has(`${p.a}:${p.b}`)).length;
    const precision = found.length ? hits / found.length : 1;
    const recall = truth.size ? hits / truth.size : 1;
    const name = (id: number) => channels[id - 1]!.names[0];
    const missed = [...truth]
      .filter((k) => !found.some((p) => `${p.a}:${p.b}` === k))
      .map((k) => k.split(":").map(Number).map(name).join(" ~ "));
    const wrong = found.filter((p) => !truth.has(`${p.a}:${p.b}`)).map((p) => `${name(p.a)} ~ ${name(p.b)}`);
    console.log(
      `duplicate pairs on ${SAMPLE} (${channels.length} channels): precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)} (${hits} of ${truth.size} true pairs, ${found.length} found)`,
    );
    if (missed.length) console.log(`  missed: ${missed.join("; ")}`);
    if (wrong.length) console.log(`  wrong: ${wrong.join("; ")}`);
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });
});

// Names not in the sample: the rules must generalise, not list the sample.
describe("duplicate rules on unseen names", () => {
  const ch = (id: number, name: string, extra: Partial<ChannelForMatching> = {}): ChannelForMatching => ({
    id,
    names: [name],
    kind: "app",
    operator: null,
    platformId: null,
    ...extra,
  });
  const pairOf = (a: ChannelForMatching, b: ChannelForMatching) => findDuplicatePairs([a, b])[0] ?? null;

  it.each([
    ["浙里办", "浙里办APP"],
    ["闽政通", "闽政通App"],
    ["爱山东", "爱山东客户端"],
    ["i深圳", "i深圳 v5.2"],
    ["赣服通", "江西赣服通"],
    ["蒙速办", "内蒙古蒙速办"],
    ["智慧团建", "智慧团建（网页版）"],
    ["鄂汇办", "鄂匯辦"],
  ])("%s ~ %s is one product", (a, b) => {
    expect(pairOf(ch(1, a), ch(2, b))).not.toBeNull();
  });

  it.each([
    ["粤省事", "粤商通"],
    ["粤省事", "粤政易"],
    ["冀时办", "吉事办"],
    ["学习强国", "学习兴国"],
    ["浙里办", "浙政钉"],
    ["中国志愿", "志愿汇"],
    ["社区通", "网格通"],
    ["国家医保服务平台", "国家政务服务平台"],
    ["浙江政务服务平台", "广东政务服务平台"],
    ["城关镇党建工作群", "城关镇网格员工作群"],
    ["青石镇防汛工作群", "柳溪乡防汛工作群"],
  ])("%s and %s are different products", (a, b) => {
    expect(pairOf(ch(1, a, { operator: "同一单位" }), ch(2, b, { operator: "同一单位" }))).toBeNull();
  });

  it("the same platform id settles it, whatever the names", () => {
    expect(
      pairOf(
        ch(1, "学习强国", { platformId: "cn.xuexi.android" }),
        ch(2, "强国学习平台", { platformId: "cn.xuexi.android" }),
      ),
    ).toMatchObject({ score: 1, signals: ["same_platform_id"] });
  });

  it.each([
    ["临安区智慧城管", "临安智慧城管"],
    ["义乌市小商品通", "义乌小商品通"],
    ["Zheliban", "浙里办"],
    ["DingTalk", "钉钉APP"],
    ["WeCom", "企业微信"],
    ["个税", "个人所得税"],
    ["National Anti-Fraud Center", "国家反诈中心APP"],
  ])("%s ~ %s is one product (a place's level, or a known product's English name or abbreviation)", (a, b) => {
    expect(pairOf(ch(1, a), ch(2, b))).not.toBeNull();
  });

  it("one product as an app, a mini program and a web system is one product; two places one character apart are two", () => {
    expect(pairOf(ch(1, "嘉善善治宝", { kind: "app" }), ch(2, "嘉善善治宝", { kind: "mini_program" }))).toMatchObject({
      signals: ["same_core"],
    });
    expect(
      pairOf(ch(1, "萧山区数字城管", { kind: "app" }), ch(2, "萧山数字城管", { kind: "web_system" })),
    ).toMatchObject({ signals: ["same_core_without_level"] });
    for (const [a, b] of [
      ["桐乡议事厅", "桐庐议事厅"],
      ["海宁潮乡通", "海盐潮乡通"],
      ["临安智慧城管", "临海智慧城管"],
    ])
      expect(pairOf(ch(1, a!), ch(2, b!)), `${a} / ${b}`).toBeNull();
    expect(pairOf(ch(1, "国家医保服务平台"), ch(2, "National Government Service Platform"))).toBeNull();
  });

  it("a different kind or sponsor lowers the score and says why", () => {
    expect(pairOf(ch(1, "青年大学习", { kind: "official_account" }), ch(2, "青年大学习", { kind: "app" }))).toBeNull();
    const differentSponsor = pairOf(
      ch(1, "网格通", { operator: "甲县政法委" }),
      ch(2, "网格通APP", { operator: "乙县政法委" }),
    );
    expect(differentSponsor).toMatchObject({ score: 0.75, signals: ["same_core", "different_operator"] });
  });

  it("folds what people type differently", () => {
    expect(nameCore("粤省事 微信小程序")).toBe("粤省事");
    expect(nameCore("國家醫保服務平台")).toBe(nameCore("国家医保服务平台APP"));
    expect(nameCore("随申办 3.0")).toBe("随申办");
    expect(nameCore("青年大学习（公众号）")).toBe("青年大学习");
  });
});
