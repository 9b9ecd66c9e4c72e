import { expect, test } from "./fixtures";

// Where an anonymous visitor is sent, and what a forged cookie gets. Every route × every audience is
// in the authorization matrix (authz-matrix.spec.ts).
const pages = [
  "/me",
  "/review",
  "/review/rectification",
  "/review/documents",
  "/admin",
  "/admin/import",
  "/admin/units",
  "/admin/channels",
  "/admin/users",
  "/admin/settings",
  "/admin/audit",
];

for (const path of pages) {
  test(`anonymous ${path} → /signin`, async ({ request }) => {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status()).toBe(307);
    expect(response.headers()["location"]).toContain(`/signin?next=${encodeURIComponent(path)}`);
  });

  // The proxy only sees that a cookie exists; the page itself must still refuse a forged one.
  test(`a forged session cookie on ${path} → /signin`, async ({ request }) => {
    const response = await request.get(path, {
      maxRedirects: 0,
      headers: { cookie: "next-auth.session-token=forged" },
    });
    expect(response.status()).toBe(307);
    expect(response.headers()["location"]).toContain("/signin");
  });
}

test("a link with a query comes back whole after sign-in (a document's unit, a filtered list)", async ({ request }) => {
  const path = "/review/documents/unit?unit=339900001001";
  const response = await request.get(path, { maxRedirects: 0 });
  expect(response.headers()["location"]).toContain(`/signin?next=${encodeURIComponent(path)}`);
});

test("the public page and health need no sign-in", async ({ request }) => {
  expect((await request.get("/")).status()).toBe(200);
  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expect(await health.json()).toMatchObject({ ok: true });
});
