import { expect, test } from "./fixtures";

test("every response carries the security headers; the script policy has no 'unsafe-inline'", async ({ request }) => {
  for (const path of ["/", "/signin", "/api/health", "/api/v1/public/summary"]) {
    const headers = (await request.get(path)).headers();
    const csp = headers["content-security-policy"] ?? "";
    expect(csp, path).toContain("frame-ancestors 'none'");
    // JSON answered from memory has default-src 'none' (no scripts at all) instead of a script-src.
    const scripts =
      csp.split(";").find((d) => d.trim().startsWith("script-src")) ??
      csp.split(";").find((d) => d.trim() === "default-src 'none'");
    expect(scripts, path).toBeTruthy();
    expect(scripts, path).not.toContain("unsafe-inline");
    expect(headers["x-frame-options"], path).toBe("DENY");
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
  }
  // HSTS only where the site is served over HTTPS (here: behind a proxy that says so).
  expect((await request.get("/")).headers()["strict-transport-security"]).toBeUndefined();
  expect(
    (await request.get("/", { headers: { "x-forwarded-proto": "https" } })).headers()["strict-transport-security"],
  ).toContain("max-age=");
});

test("pages run under the policy without violations (Next.js's scripts carry the nonce)", async ({ signInAs }) => {
  const page = await signInAs("staff");
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to (execute|load)/i.test(m.text())) violations.push(m.text());
  });
  for (const path of ["/", "/me", "/signin"]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
  }
  // A client-side interaction works, so the scripts ran.
  await page.goto("/");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByRole("button", { name: "中文" }).click();
  expect(violations).toEqual([]);
});

test("the public page served from memory runs its scripts under a hash-based policy", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to (execute|load)/i.test(m.text())) violations.push(m.text());
  });
  // The first visit goes through Next.js and is kept; a later one is answered from memory.
  let csp = "";
  for (let i = 0; i < 10 && !csp.includes("'sha256-"); i++) {
    const response = await page.goto("/");
    csp = response?.headers()["content-security-policy"] ?? "";
    if (!csp.includes("'sha256-")) await page.waitForTimeout(300);
  }
  expect(csp, "served from memory").toContain("'sha256-");
  expect(csp).not.toContain("nonce-");
  // Finding 13: a query the page ignores is the same page, answered from memory at once, not a new entry.
  const busted = await page.request.get(`/?x=${Date.now()}`);
  expect(busted.headers()["content-security-policy"]).toContain("'sha256-");
  await page.waitForLoadState("networkidle");
  // Inline scripts (the page's data) and Next.js's own scripts both ran.
  expect(await page.evaluate(() => Array.isArray((window as unknown as { __next_f?: unknown }).__next_f))).toBe(true);
  expect(await page.evaluate(() => typeof (window as unknown as { next?: { version?: string } }).next?.version)).toBe(
    "string",
  );
  expect(violations).toEqual([]);
});
