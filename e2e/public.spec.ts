import { expect, test } from "./fixtures";

test("the public page shows headline figures without signing in, in Chinese by default", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("基层指尖负担公开数据");
  const channels = page.locator("dt", { hasText: "登记的渠道" }).locator("xpath=following-sibling::dd");
  await expect(channels).toHaveText(/^\d+$/);
  expect(Number(await channels.textContent())).toBeGreaterThan(10);
  await expect(page.getByText(/数据更新于/)).toBeVisible();
});

test("a visitor switches to English and the choice sticks", async ({ page }, testInfo) => {
  await page.goto("/");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("The burden on grassroots staff, in the open");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.goto("/signin");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");
  await page.screenshot({ path: testInfo.outputPath("public-en.png"), fullPage: true });
  await page.getByRole("button", { name: "中文" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("登录");
});

test("the public page charts the figures, drills down by region, ranks issuers and offers the data, without signing in", async ({ page, request }) => {
  await page.goto("/");
  await expect(page.getByRole("img", { name: "近 12 个月每月发现和清理的问题数" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "下达部门负担排名" })).toBeVisible();
  await expect(page.getByRole("img", { name: "各下达部门带来的每周耗时（小时）" })).toBeVisible();
  // Drill down to the first region, then one level further where there is one.
  const first = page.locator('section[aria-labelledby="regions-title"] li a').first();
  const name = (await first.textContent())!;
  await first.click();
  await expect(page.getByRole("navigation", { name: "地区" })).toContainText(name);
  await expect(page.locator("dt", { hasText: "登记的渠道" }).locator("xpath=following-sibling::dd")).toHaveText(/^\d+$/);
  const region = new URL(page.url()).searchParams.get("region")!;
  // The downloads answer, as documented.
  const unit = await request.get(`/api/v1/public/units/${region}`);
  expect(unit.status()).toBe(200);
  expect(unit.headers()["etag"]).toBeTruthy();
  const body = (await unit.json()) as { unit: { code: string; suppressed: boolean }; children: unknown[] };
  expect(body.unit.code).toBe(region);
  const csv = await request.get(`/api/v1/public/units/${region}?format=csv`);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const openapi = (await (await request.get("/api/v1/openapi.json")).json()) as { paths: Record<string, unknown> };
  expect(Object.keys(openapi.paths)).toEqual(["/api/v1/public/summary", "/api/v1/public/units/{code}", "/api/v1/public/issuers", "/api/v1/public/channels"]);
  const summary = await request.get("/api/v1/public/summary", { headers: { "if-none-match": (await request.get("/api/v1/public/summary")).headers()["etag"]! } });
  expect(summary.status()).toBe(304);
});

test("no public page or download names a reporter", async ({ page, request }) => {
  const texts = [await (await request.get("/")).text()];
  for (const path of ["/api/v1/public/summary", "/api/v1/public/issuers", "/api/v1/public/channels"]) {
    texts.push(await (await request.get(path)).text(), await (await request.get(`${path}?format=csv`)).text());
  }
  await page.goto("/");
  const region = await page.locator('section[aria-labelledby="regions-title"] li a').first().getAttribute("href");
  texts.push(await (await request.get(region!)).text());
  // Demo staff logins look like qh<unit code>-<n>, and the demo staff member is "staff".
  for (const text of texts) {
    expect(text).not.toMatch(/qh\d{9,}-\d/);
    expect(text).not.toContain('"staff"');
  }
});

test("the public page has no serious or critical accessibility violations", async ({ page }) => {
  const { default: AxeBuilder } = await import("@axe-core/playwright");
  for (const path of ["/", "/?region=339900"]) {
    await page.goto(path);
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), path).toEqual([]);
  }
});
