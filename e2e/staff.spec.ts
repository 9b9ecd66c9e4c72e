import { expect, test } from "./fixtures";

test("a staff member sees their unit, channels and burden on /me", async ({ signInAs }, testInfo) => {
  const page = await signInAs("staff");
  await page.goto("/me");
  await expect(page.getByRole("heading", { level: 1, name: "我的填报" })).toBeVisible();
  await expect(page.getByText("所在单位：前园村")).toBeVisible();
  expect(await page.locator("main li").count()).toBeGreaterThan(0);
  // Nothing overflows sideways on a phone.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: testInfo.outputPath("me.png"), fullPage: true });
});
