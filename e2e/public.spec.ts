import { expect, test } from "./fixtures";

test("the public page shows headline figures without signing in, in Chinese by default", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("基层指尖负担公开数据");
  const channels = page.locator("dt", { hasText: "登记的渠道" }).locator("xpath=following-sibling::dd");
  await expect(channels).toHaveText(/^\d+$/);
  expect(Number(await channels.textContent())).toBeGreaterThan(10);
  await expect(page.getByTestId("release-note")).toContainText(/数据发布于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}（北京时间）/);
  await expect(page.getByTestId("release-note")).toContainText(/下次发布：\d{4}-\d{2}-\d{2} 06:00（北京时间）/);
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

test("a citizen drills down to a township; a county page ranks only the departments acting in that county, in hours a week", async ({
  page,
  request,
}, testInfo) => {
  await page.goto("/");
  await expect(page.getByRole("img", { name: "近 12 个月每月发现和清理的问题数" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "下达部门负担排名" })).toBeVisible();
  await expect(page.getByRole("img", { name: "各下达部门带来的每周耗时（小时）" })).toBeVisible();
  // City, then county, then a township: the default floor is the township. (Other specs import
  // more regions and rename the city, so it is found by its code.)
  await page.locator('section[aria-labelledby="regions-title"] li a[href="/?region=339000"]').click();
  await page.locator('section[aria-labelledby="regions-title"] li a', { hasText: "清河县" }).click();
  await expect(page.getByRole("navigation", { name: "地区" })).toContainText("清河县");
  const county = (await (await request.get("/api/v1/public/units/339900")).json()) as {
    unit: { hoursPerWeek: number };
    children: { code: string; name: string; hoursPerWeek: number | null }[];
  };
  expect(county.children.map((c) => c.name)).toContain("城关镇");
  // Regions by burden: the published ones from most to least hours, the withheld ones after.
  const shown = county.children.map((c) => c.hoursPerWeek).filter((h): h is number => h !== null);
  expect(shown).toEqual([...shown].sort((a, b) => b - a));
  const ranking = (await (await request.get("/api/v1/public/issuers?region=339900")).json()) as {
    issuers: { code: string; region: string | null; hoursPerWeek: number | null }[];
  };
  expect(ranking.issuers.length).toBeGreaterThan(3);
  for (const i of ranking.issuers) {
    // The county's own departments and offices, and the city's departments whose mandates land in it.
    expect(/^3399|^339000-/.test(i.code), i.code).toBe(true);
    if (i.hoursPerWeek !== null) expect(i.hoursPerWeek).toBeLessThanOrEqual(county.unit.hoursPerWeek);
  }
  const chart = page.getByRole("img", { name: "各下达部门带来的每周耗时（小时）" });
  await expect(chart).toContainText("小时/周");
  await page.getByText(/查看全部 \d+ 个下达部门/).click();
  await expect(page.locator("section[aria-labelledby=issuers-title] table").last()).toContainText("县妇联（清河县）");
  // The trend is on every region page, its months with their year.
  await expect(page.getByRole("img", { name: "近 12 个月每月发现和清理的问题数" })).toBeVisible();
  await expect(page.locator("figcaption")).toContainText(/\d{4}年\d{1,2}月 – \d{4}年\d{1,2}月/);
  await page.screenshot({ path: testInfo.outputPath("public-county.png"), fullPage: true });
  await page.locator('section[aria-labelledby="regions-title"] li a', { hasText: "城关镇" }).click();
  await expect(page.getByRole("navigation", { name: "地区" })).toContainText("城关镇");
  await expect(page.locator('section[aria-labelledby="regions-title"]')).toHaveCount(0); // villages are never published alone
  await page.screenshot({ path: testInfo.outputPath("public-township.png"), fullPage: true });
});

test("the open data answers as documented: ETags, CSV downloads with a file name, the same release everywhere", async ({
  request,
}) => {
  const unit = await request.get("/api/v1/public/units/339900");
  expect(unit.status()).toBe(200);
  expect(unit.headers()["etag"]).toBeTruthy();
  const body = (await unit.json()) as { releasedAt: string; unit: { code: string } };
  expect(body.unit.code).toBe("339900");
  const summary = await request.get("/api/v1/public/summary");
  expect(((await summary.json()) as { releasedAt: string }).releasedAt).toBe(body.releasedAt);
  const csv = await request.get("/api/v1/public/issuers?region=339900&format=csv");
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect(csv.headers()["content-disposition"]).toMatch(
    /attachment; filename="fingertip-issuers-339900-\d{4}-\d{2}-\d{2}\.csv"/,
  );
  const openapi = (await (await request.get("/api/v1/openapi.json")).json()) as { paths: Record<string, unknown> };
  expect(Object.keys(openapi.paths)).toEqual([
    "/api/v1/public/summary",
    "/api/v1/public/units/{code}",
    "/api/v1/public/issuers",
    "/api/v1/public/channels",
  ]);
  const again = await request.get("/api/v1/public/summary", {
    headers: { "if-none-match": summary.headers()["etag"]! },
  });
  expect(again.status()).toBe(304);
  const icon = await request.get("/favicon.ico");
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toMatch(/image/);
  // A phone that adds the page to its home screen finds the app's name and icons.
  const manifest = (await (await request.get("/manifest.webmanifest")).json()) as {
    short_name: string;
    icons: { src: string }[];
  };
  expect(manifest.short_name).toBe("指尖减负");
  for (const { src } of manifest.icons) expect((await request.get(src)).status(), src).toBe(200);
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
    expect(
      serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
      path,
    ).toEqual([]);
  }
});
