import { expect, test, type Page } from "@playwright/test";
import { SSO } from "./sso-ports";

const BUTTON = "通过省政务服务统一身份认证登录";

/** Back in the app, past next-auth's callback and the sign-in page's own redirect (or on it with an error). */
const backInApp = (url: URL) =>
  url.origin === SSO.app &&
  !url.pathname.startsWith("/api/auth") &&
  (url.pathname !== "/signin" || url.searchParams.has("error"));

/** Signs in through the provider as `account`: its login page (any password) and consent, when it asks. */
async function throughProvider(page: Page, account: string) {
  await page.goto("/signin");
  await page.getByRole("button", { name: BUTTON }).click();
  await page.waitForURL((url) => url.origin === SSO.issuer || backInApp(url));
  if (new URL(page.url()).origin === SSO.issuer) {
    await page.waitForLoadState();
    const login = page.locator('input[name="login"]');
    if (await login.isVisible()) {
      await login.fill(account);
      await page.locator('input[name="password"]').fill("any password");
      await page.locator('button[type="submit"]').click();
      await page.waitForURL((url) => url.pathname.startsWith("/interaction/") || backInApp(url));
      await page.waitForLoadState();
    }
    // The provider asks once to share the profile with Fingertip.
    if (new URL(page.url()).origin === SSO.issuer) {
      const consent = page.locator('button[type="submit"]');
      if (await consent.isVisible()) await consent.click();
    }
  }
  await page.waitForURL(backInApp, { timeout: 30_000 });
}

test("the demo staff member signs in through the province's platform, is linked to their account, and signing out ends it", async ({
  page,
}) => {
  await throughProvider(page, "staff");
  await expect(page).toHaveURL(/\/me$/);
  await expect(page.getByText("前园村").first()).toBeVisible();
  await page.getByRole("button", { name: "退出登录" }).click();
  await page.waitForURL(/\/(signin)?(\?|$)/);
  await page.goto("/me");
  await expect(page).toHaveURL(/\/signin/);
});

test("a new person of a known village gets a staff account an administrator approves; roles stay the ledger's", async ({
  page,
  browser,
}) => {
  await throughProvider(page, "newcomer");
  await expect(page).toHaveURL(/error=sso_pending/);
  await expect(page.getByTestId("signin-sso-refusal")).toHaveText("已为您建立账号，等待管理员批准后即可登录。");

  const admin = await (await browser.newContext({ baseURL: SSO.app })).newPage();
  await admin.goto("/signin");
  await admin.getByLabel("账号").fill("admin");
  await admin.getByLabel("密码").fill("fingertip-demo");
  await admin.getByRole("button", { name: "登录", exact: true }).click();
  await admin.waitForURL(/\/admin/);
  await admin.goto("/admin/users?q=sso-newcomer");
  await expect(admin.getByRole("row", { name: /sso-newcomer/ })).toContainText("待批准（统一身份认证）");
  const row = admin.getByRole("form", { name: "sso-newcomer" });
  await expect(row.getByLabel("角色")).toHaveValue("STAFF");
  await expect(row.getByLabel("状态")).toHaveValue("true");
  await row.getByLabel("状态").selectOption("false");
  await row.getByRole("button", { name: "保存" }).click();
  await expect(row.getByLabel("状态")).toHaveValue("false");
  await admin.goto("/admin/audit");
  await expect(admin.getByText("通过统一身份认证建立了账号").first()).toBeVisible();

  await throughProvider(page, "newcomer");
  await expect(page).toHaveURL(/\/me$/);
  await expect(page.getByText("大河社区").first()).toBeVisible();
});

test("a person whose unit the ledger does not hold is refused with the reason", async ({ page }) => {
  await throughProvider(page, "stranger");
  await expect(page).toHaveURL(/error=sso_unknown_unit/);
  await expect(page.getByTestId("signin-sso-refusal")).toContainText("单位不在本台账中");
  await page.goto("/me");
  await expect(page).toHaveURL(/\/signin/);
});
