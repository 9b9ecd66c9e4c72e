import type { APIRequestContext, Page } from "@playwright/test";
import { expect, signInByApi, SITE, test } from "./fixtures";
import { zhCN } from "../lib/i18n/zh-CN";

/*
 * Issue 17: every page, read as each role would in each language, holds words — no JSON, no
 * snake_case code, no dictionary key, and no English inside a Chinese page other than the names of
 * products and formats. Text marked translate="no" (logins, codes a person types) is data.
 */
const KEY_PREFIXES = [...new Set(Object.keys(zhCN).map((k) => k.split(".")[0]!))];
const KEY = new RegExp(`\\b(?:${KEY_PREFIXES.join("|")})\\.[a-zA-Z_]+`);
const JSON_TEXT = /[{[]\s*"[^"]+"\s*:/;
const SNAKE = /\b[a-z]+_[a-z_]+\b/;
/** Names of formats and products a Chinese page may show as they are. */
const LATIN_NAMES = new Set([
  "CSV",
  "JSON",
  "UTF",
  "APP",
  "App",
  "appid",
  "English",
  "PDF",
  "Excel",
  "xlsx",
  "GBK",
  "Windows",
  "ID",
  "BOM",
  "OpenAPI",
  "API",
  "PostgreSQL",
  "PGlite",
  "xxqg",
  "Wi",
  "Fi",
  "AppID",
]);
/** File names (units.csv) name formats, as CSV does. */
const FILE_NAME = /\b[a-z_]+\.(csv|json|xlsx)\b/g;

async function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const clone = document.body.cloneNode(true) as HTMLElement;
    for (const el of clone.querySelectorAll('[translate="no"], script, style, noscript, [hidden]')) el.remove();
    // A detached copy reads as its text content: a space after each element keeps neighbours apart.
    for (const el of clone.querySelectorAll("*")) el.append(" ");
    return clone.textContent ?? "";
  });
}

/** The pages a role reads, with one of each kind of record page found by following the first link. */
const PAGES = {
  anonymous: ["/", "/signin", "/invite/not-a-real-code"],
  staff: ["/me", "first:/me a[href^='/me/reports/']"],
  reviewer: [
    "/review",
    "/review/cases",
    "/review/rectification",
    "/review/documents",
    "/review/documents/unit?unit=339900001001",
    "/review/documents/region",
    "/review/mandates",
    "/review/mandates/new",
    "first:/review a[href^='/review/flags/']",
    "first:/review/cases a[href^='/review/cases/']",
    "first:/review/mandates a[href^='/review/mandates/']",
  ],
  admin: [
    "/admin",
    "/admin/import",
    "/admin/units",
    "/admin/channels",
    "first:/admin/channels a[href^='/admin/channels/']",
    "/admin/users",
    "/admin/settings",
    "/admin/audit",
    "/admin/requirers",
    "/admin/products",
  ],
} as const;

/** Every Latin word of the catalogue's names and aliases and of the units' names: the names of products and places (a test may add 外县X1a2b3). */
async function dataNames(playwright: {
  request: { newContext: (o: { baseURL: string }) => Promise<APIRequestContext> };
}): Promise<Set<string>> {
  const admin = await playwright.request.newContext({ baseURL: SITE });
  await signInByApi(admin, "admin");
  const body = (
    await Promise.all(
      ["channels", "units"].map(async (kind) => (await admin.get(`/api/admin/export/${kind}?format=json`)).text()),
    )
  ).join("\n");
  await admin.dispose();
  // A chart cuts a long label to eight characters and an ellipsis: the start of a name is a name too (外县X0afeb2 → afe).
  const words = body.match(/[A-Za-z]{2,}/g) ?? [];
  return new Set(words.flatMap((w) => Array.from({ length: w.length - 1 }, (_, i) => w.slice(0, i + 2))));
}

for (const [role, paths] of Object.entries(PAGES)) {
  test(`every page a ${role} reads is in words, in Chinese and in English`, async ({ page, signInAs, playwright }) => {
    test.setTimeout(120_000);
    if (role !== "anonymous") await signInAs(role as "staff" | "reviewer" | "admin");
    const products = await dataNames(playwright);
    const wrong: string[] = [];
    for (const locale of ["zh-CN", "en"] as const) {
      await page.context().addCookies([{ name: "fingertip-locale", value: locale, url: SITE }]);
      for (const entry of paths) {
        let path: string = entry;
        if (entry.startsWith("first:")) {
          const [list, selector] = entry.slice(6).split(" ", 2) as [string, string];
          await page.goto(list);
          const href = await page
            .locator(`main ${entry.slice(6 + list.length + 1)}`)
            .first()
            .getAttribute("href");
          expect(href, `a record linked from ${list} (${selector})`).toBeTruthy();
          path = href!;
        }
        const response = await page.goto(path);
        expect(response?.status(), path).toBeLessThan(500);
        const text = (await visibleText(page)).replaceAll(FILE_NAME, " ");
        const say = (what: string, m: RegExpMatchArray | null) =>
          m &&
          wrong.push(
            `${locale} ${path}: ${what} “${m[0]}” in …${text.slice(Math.max(0, m.index! - 30), m.index! + 40).replaceAll("\n", " ")}…`,
          );
        say("JSON", text.match(JSON_TEXT));
        say("a code", text.match(SNAKE));
        say("a dictionary key", text.match(KEY));
        if (locale === "zh-CN") {
          for (const m of text.matchAll(/[A-Za-z]{2,}/g))
            if (!LATIN_NAMES.has(m[0]) && !products.has(m[0])) say("English", m);
        }
      }
    }
    expect(wrong, wrong.join("\n")).toEqual([]);
  });
}
