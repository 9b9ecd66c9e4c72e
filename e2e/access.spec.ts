import { expect, test, signInByApi } from "./fixtures";

// Pages × audiences, from one table: each denial is paired with the rightful user getting in.
const pages: Record<string, { allowed: string[] }> = {
  "/me": { allowed: ["staff"] },
  "/review": { allowed: ["reviewer", "admin"] },
  "/review/rectification": { allowed: ["reviewer", "admin"] },
  "/admin": { allowed: ["admin"] },
  "/admin/import": { allowed: ["admin"] },
  "/admin/units": { allowed: ["admin"] },
  "/admin/channels": { allowed: ["admin"] },
  "/admin/users": { allowed: ["admin"] },
  "/admin/settings": { allowed: ["admin"] },
  "/admin/audit": { allowed: ["admin"] },
};
const audiences = ["staff", "reviewer", "admin"] as const;

for (const [path, { allowed }] of Object.entries(pages)) {
  test(`anonymous ${path} → /signin`, async ({ request }) => {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status()).toBe(307);
    expect(response.headers()["location"]).toContain(`/signin?next=${encodeURIComponent(path)}`);
  });

  // The proxy only sees that a cookie exists; the page itself must still refuse a forged one.
  test(`a forged session cookie on ${path} → /signin`, async ({ request }) => {
    const response = await request.get(path, { maxRedirects: 0, headers: { cookie: "next-auth.session-token=forged" } });
    expect(response.status()).toBe(307);
    expect(response.headers()["location"]).toContain("/signin");
  });

  for (const who of audiences) {
    const ok = allowed.includes(who);
    test(`${who} ${path} → ${ok ? 200 : 403}`, async ({ request }) => {
      await signInByApi(request, who);
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status()).toBe(ok ? 200 : 403);
      if (!ok) expect(await response.text()).toContain("无权访问");
    });
  }
}

// Route handlers answer JSON: 401 anonymous, 403 without the role.
const apis: Record<string, { allowed: string[] }> = {
  "/api/channels/search?q=xxqg": { allowed: ["staff"] },
  "/api/admin/export/units?format=json": { allowed: ["admin"] },
  "/api/review/export?what=queue&format=json": { allowed: ["reviewer", "admin"] },
  "/api/review/export?what=decisions&format=csv": { allowed: ["reviewer", "admin"] },
};

for (const [path, { allowed }] of Object.entries(apis)) {
  test(`anonymous GET ${path} → 401`, async ({ request }) => {
    expect((await request.get(path)).status()).toBe(401);
  });
  for (const who of audiences) {
    const ok = allowed.includes(who);
    test(`${who} GET ${path} → ${ok ? 200 : 403}`, async ({ request }) => {
      await signInByApi(request, who);
      expect((await request.get(path)).status()).toBe(ok ? 200 : 403);
    });
  }
}

test("the public page and health need no sign-in", async ({ request }) => {
  expect((await request.get("/")).status()).toBe(200);
  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expect(await health.json()).toMatchObject({ ok: true });
});
