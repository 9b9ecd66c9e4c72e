import { randomBytes } from "node:crypto";
import { expect, SITE, test } from "./fixtures";

test("an admin invites a staff member, who sets a password and is signed in; disabling ends their session at once", async ({
  signInAs,
  browser,
  baseURL,
}) => {
  const admin = await signInAs("admin");
  await admin.goto("/admin/users");
  // The unit is picked from the list, found by its name or its code; earlier tests may have added
  // a second 大河社区 to 城关镇, so this one is looked up by its code and picked by its name.
  await admin.getByLabel(/^单位（/).fill("339900001002");
  await admin.getByRole("button", { name: /^大河社区（城关镇/ }).click();
  await admin.getByRole("button", { name: "生成邀请" }).click();
  const link = await admin.getByTestId("invite-link").inputValue();
  expect(link).toMatch(/\/invite\/[\w-]{20,}$/);
  // It travels: copied for a chat message, or scanned from the screen.
  await expect(admin.getByRole("img", { name: /邀请链接的二维码/ })).toBeVisible();
  await admin.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: SITE });
  await admin.getByRole("button", { name: "复制链接" }).click();
  await expect(admin.getByRole("button", { name: "已复制" })).toBeVisible();
  expect(await admin.evaluate(() => navigator.clipboard.readText())).toBe(link);

  const login = `e2e${randomBytes(3).toString("hex")}`;
  const invited = await browser.newContext({ baseURL });
  const page = await invited.newPage();
  await page.goto(new URL(link).pathname);
  await expect(page.getByText("您被邀请为大河社区的基层工作人员。")).toBeVisible();
  await page.getByLabel("账号").fill(login);
  await page.getByLabel("姓名").fill("新网格员");
  await page.getByLabel("密码（至少 10 个字符）").fill("short");
  await page.getByLabel("再次输入密码").fill("short");
  await page.getByRole("button", { name: "设置账号并登录" }).click();
  await expect(page.locator("#password-error")).toHaveText("密码至少 10 个字符。");
  await page.getByLabel("密码（至少 10 个字符）").fill("grid-worker-2026");
  await page.getByLabel("再次输入密码").fill("grid-worker-2026");
  await page.getByRole("button", { name: "设置账号并登录" }).click();
  // Signed in by accepting: straight to their own page.
  await page.waitForURL("**/me");
  await expect(page.getByText("所在单位：大河社区")).toBeVisible();

  await admin.goto(`/admin/users?q=${login}`);
  const row = admin.getByRole("form", { name: login });
  await row.getByLabel("状态").selectOption("true");
  await row.getByRole("button", { name: "保存" }).click();
  await expect(admin.getByRole("row", { name: new RegExp(login) })).toContainText("已停用");
  const after = await page.request.get("/me", { maxRedirects: 0 });
  expect(after.status()).toBe(307);
  await invited.close();
});

test("an invitation link that is unknown says so", async ({ page }) => {
  await page.goto("/invite/not-a-real-code-at-all");
  await expect(page.locator("main").getByRole("alert")).toHaveText("这个邀请不存在、已被使用或已过期。");
});
