import { expect, test, DEMO_PASSWORD, signInByApi } from "./fixtures";
import { countCases } from "./suite-counts";

// The one spec that signs in through the form, as a person does.
const homes = [
  { login: "staff", path: "/me", heading: "我的填报" },
  { login: "reviewer", path: "/review", heading: "审核工作台" },
  { login: "admin", path: "/admin", heading: "系统管理" },
];

test.describe("sign-in form", () => {
  for (const { login, path, heading } of homes) {
    test(`${login} signs in and lands on ${path}`, async ({ page }) => {
      await page.goto("/signin");
      await expect(page.getByText("演示账号")).toBeVisible();
      await page.getByLabel("账号").fill(login);
      await page.getByLabel("密码").fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "登录" }).click();
      await expect(page).toHaveURL(new RegExp(`${path}$`));
      await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    });
  }

  test("wrong credentials give a message on the form, not an error page", async ({ page }) => {
    await page.goto("/signin");
    await page.getByLabel("账号").fill("staff");
    await page.getByLabel("密码").fill("not-the-password");
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.getByTestId("signin-message")).toHaveText(/账号或密码不正确/);
    await expect(page).toHaveURL(/\/signin/);
    await expect(page.getByLabel("账号")).toHaveValue("staff");
  });

  test("without an identity provider configured, the page offers passwords alone", async ({ page }) => {
    await page.goto("/signin?error=OAuthCallback");
    await expect(page.getByLabel("密码")).toBeVisible();
    await expect(page.getByRole("button", { name: /统一身份认证|身份认证/ })).toHaveCount(0);
    await expect(page.getByText("统一身份认证登录没有完成")).toHaveCount(0);
  });

  test("empty fields are named next to the field", async ({ page }) => {
    await page.goto("/signin");
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.locator("#login-error")).toHaveText("请填写此项。");
    await expect(page.getByLabel("账号")).toHaveAttribute("aria-invalid", "true");
  });

  test("after sign-in the visitor returns to the page they asked for", async ({ page }) => {
    await page.goto("/review");
    await expect(page).toHaveURL(/\/signin\?next=%2Freview/);
    await page.getByLabel("账号").fill("admin");
    await page.getByLabel("密码").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page).toHaveURL(/\/review$/);
  });
});

// Rule: sign-out takes effect at once, even for a copy of the session cookie.
test("signing out ends the session everywhere, including copied cookies", async ({ page, browser, baseURL }) => {
  await signInByApi(page.request, "staff");
  const copied = await page.context().storageState();
  const other = await browser.newContext({ baseURL, storageState: copied });
  expect((await other.request.get("/me", { maxRedirects: 0 })).status()).toBe(200);

  await page.goto("/me");
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/$/);

  const after = await other.request.get("/me", { maxRedirects: 0 });
  expect(after.status()).toBe(307);
  expect(after.headers()["location"]).toContain("/signin");
  const session = await (await other.request.get("/api/auth/session")).json();
  expect(session.user).toBeUndefined();
  await other.close();
});

// One address trying a password on many accounts: no account's own counter sees it; the address's does.
test("an address that fails too often is refused for a while, on every account; other addresses are not", async ({
  playwright,
  baseURL,
}) => {
  const attempt = async (address: string, login: string, password: string) => {
    const request = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { "X-Forwarded-For": address } });
    const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    await request.post("/api/auth/callback/credentials", { form: { csrfToken, login, password, json: "true" } });
    const session = (await (await request.get("/api/auth/session")).json()) as { user?: unknown };
    await request.dispose();
    return Boolean(session.user);
  };
  const sprayer = `203.0.113.${Math.floor(Math.random() * 200) + 20}`;
  for (let i = 0; i < 30; i++) expect(await attempt(sprayer, `spray${i}`, "Password123!")).toBe(false);
  expect(await attempt(sprayer, "admin", DEMO_PASSWORD), "the right password, from the blocked address").toBe(false);
  expect(await attempt("198.51.100.200", "admin", DEMO_PASSWORD), "the right password, from another address").toBe(
    true,
  );
  countCases("sign-in protection: attempts from one address", 32);
});
