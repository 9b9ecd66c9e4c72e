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
