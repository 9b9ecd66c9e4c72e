import { expect, test as base, type APIRequestContext, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "fingertip-demo";
/** The address the test server answers on (playwright.config.ts): forms are accepted only from it. */
export const SITE = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100)}`;
export type DemoLogin = "staff" | "reviewer" | "admin";

/** Signs in through next-auth's HTTP endpoint (fast); one spec signs in through the form instead. */
export async function signInByApi(request: APIRequestContext, login: string, password = DEMO_PASSWORD) {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, login, password, json: "true" },
  });
  expect(response.ok(), `sign-in of ${login}`).toBeTruthy();
  const session = (await (await request.get("/api/auth/session")).json()) as { user?: { role?: string } };
  return session;
}

export const test = base.extend<{ signInAs: (login: DemoLogin) => Promise<Page> }>({
  signInAs: async ({ page }, use) => {
    await use(async (login) => {
      const session = await signInByApi(page.request, login);
      expect(session.user?.role).toBe(login.toUpperCase());
      return page;
    });
  },
});

export { expect };
