import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { translator } from "@/lib/i18n/messages";
import { describeAction, describeChange } from "./describe-audit";

/** Every action name lib/ writes to the audit log; the ones built from a variable list their values here. */
function actionsWritten(): string[] {
  const templates: Record<string, string[]> = {
    "flag.${decision}": ["confirm", "dismiss", "recommend", "assign", "resolve", "merge"].map((d) => `flag.${d}`),
    "mandate.${input.decision}": ["mandate.confirm", "mandate.reject"],
    "import.${kind}": ["units", "channels", "mandates", "reports"].map((k) => `import.${k}`),
    "channel.proposal.${input.decision}": ["approve", "merge", "reject"].map((d) => `channel.proposal.${d}`),
  };
  const out = new Set<string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (
        path.endsWith(".ts") &&
        !path.includes(".test.") &&
        !path.includes("/generated/") &&
        !path.includes("/testing/") &&
        !path.includes("/bench/") &&
        !path.includes("/durability/")
      ) {
        const text = readFileSync(path, "utf8");
        // Names with a dot (flag.confirm) and without (seed_demo); the permissions' "me:view" are not audit actions.
        for (const m of text.matchAll(/action: "([a-z_]+(?:\.[a-z_.]+)?)"/g)) out.add(m[1]!);
        // A choice between names on one line: action: cond ? "a.b" : "a.c".
        for (const m of text.matchAll(/action: [^\n]*\?[^\n]*/g))
          for (const q of m[0].matchAll(/"([a-z_]+\.[a-z_.]+)"/g)) out.add(q[1]!);
        for (const m of text.matchAll(/action: `([^`]+)`/g)) {
          expect(templates[m[1]!], `the values of ${m[1]} in ${path}`).toBeDefined();
          for (const a of templates[m[1]!]!) out.add(a);
        }
      }
    }
  };
  walk("lib");
  return [...out].sort();
}

describe("the audit log in words", () => {
  const zh = translator("zh-CN");
  it("has a sentence for every action lib/ writes, in both languages", () => {
    const actions = actionsWritten();
    expect(actions).toContain("unit.move");
    expect(actions).toContain("channel.retire");
    expect(actions).toContain("seed_demo");
    for (const locale of ["zh-CN", "en"] as const) {
      const t = translator(locale);
      for (const action of actions)
        expect(
          describeAction(t, { action, entity: "x", entityId: "1", before: null, after: null }, null),
          action,
        ).not.toBe(t("audit.did.other", { name: "#1" }));
    }
  });

  it("says what changed in words, never as codes or JSON", () => {
    const change = describeChange(zh, {
      action: "channel.update",
      entity: "channel",
      entityId: "3",
      before: { name: "网格通APP", status: "active", kind: "app" },
      after: { name: "网格通", status: "retired", kind: "app", aliasesAdded: ["网格通APP"] },
    });
    expect(change).toBe("名称：网格通APP → 网格通；状态：在用 → 已停用；新增别名：网格通APP");
    const merge = describeChange(zh, {
      action: "flag.merge",
      entity: "flag",
      entityId: "9",
      before: { status: "open" },
      after: { status: "resolved", winner: "网格通", loser: "网格通APP" },
    });
    expect(merge).toBe("状态：待处理 → 已解决；保留的渠道：网格通；并入的渠道：网格通APP");
    expect(
      describeChange(zh, {
        action: "x.y",
        entity: "x",
        entityId: null,
        before: null,
        after: { someCode: "snake_case", nested: { a: 1 } },
      }),
    ).toBe("");
  });
});
