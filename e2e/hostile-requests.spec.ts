import http from "node:http";
import type { APIRequestContext } from "@playwright/test";
import { expect, signInByApi, SITE, test } from "./fixtures";
import { actionsManifest, sendAction } from "./send-action";
import { countCases } from "./suite-counts";

/*
 * Crafted requests of an outside probe (issue 15, findings 8–12): each is answered with a refusal
 * or a page of this site — never a 500, never another site, never next-auth's own text.
 */
const PART = "hostile inputs: crafted requests";

/** Sends a body in chunks without a Content-Length, as a streaming client does; resolves with the status and the answer. */
function sendChunked(
  baseURL: string,
  path: string,
  headers: Record<string, string>,
  bytes: number,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      new URL(path, baseURL),
      { method: "POST", headers: { ...headers, "Transfer-Encoding": "chunked" } },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => (body += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    // The server may answer and close before the whole body is sent: that is the point.
    req.on("error", (error: NodeJS.ErrnoException) =>
      error.code === "EPIPE" || error.code === "ECONNRESET" ? undefined : reject(error),
    );
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    let sent = 0;
    const pump = () => {
      while (sent < bytes) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      req.end();
    };
    pump();
  });
}

const cookiesOf = async (request: APIRequestContext) =>
  (await request.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join("; ");
const actionId = (name: string) => Object.entries(actionsManifest).find(([, a]) => a.exportedName === name)![0];

test("after signing in, only this site's pages are followed (finding 8)", async ({ playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL });
  await signInByApi(request, "admin");
  let tried = 0;
  for (const next of [
    "/%09/evil.example",
    "/%0a/evil.example",
    "/%0d%0a/evil.example",
    "//evil.example",
    "/%5Cevil.example",
    "https://evil.example/",
  ]) {
    const response = await request.get(`/signin?next=${next}`, { maxRedirects: 0 });
    tried++;
    expect(response.status(), next).toBe(307);
    const target = new URL(response.headers()["location"]!, baseURL);
    expect(target.origin, next).toBe(new URL(baseURL!).origin);
  }
  const ordinary = await request.get(`/signin?next=${encodeURIComponent("/review?unit=339900001")}`, {
    maxRedirects: 0,
  });
  expect(ordinary.headers()["location"]).toBe("/review?unit=339900001");
  await request.dispose();
  const anonymous = await playwright.request.newContext({ baseURL });
  expect((await anonymous.get("/signin?next=/%0a/x")).status()).toBe(200);
  countCases(PART, tried + 2);
});

test("bodies are measured as they arrive, not by what they declare (finding 9)", async ({ playwright, baseURL }) => {
  const admin = await playwright.request.newContext({ baseURL });
  await signInByApi(admin, "admin");
  const cookie = await cookiesOf(admin);
  const action = {
    "Next-Action": actionId("saveThresholdsAction"),
    "Content-Type": "multipart/form-data; boundary=x",
    Origin: baseURL!,
    cookie,
  };
  for (const bytes of [900 * 1024, 3 * 1024 * 1024]) {
    const answer = await sendChunked(baseURL!, "/admin/settings", action, bytes);
    expect(answer.status, `${bytes} bytes chunked to an action`).toBe(413);
    expect(answer.body).toContain("256 KB");
  }
  const started = Date.now();
  const upload = await sendChunked(
    baseURL!,
    "/api/admin/import?kind=channels&dryRun=1",
    { Origin: baseURL!, cookie, "Content-Type": "text/csv" },
    70 * 1024 * 1024,
  );
  expect(upload.status, "70 MB chunked import").toBe(413);
  expect(upload.body).toContain("64 MB");
  expect(Date.now() - started).toBeLessThan(60_000);
  // An ordinary form still goes through.
  expect((await admin.get("/admin/settings")).status()).toBe(200);
  await admin.dispose();
  countCases(PART, 3);
});

test("what the README promises a 4xx for is a 4xx, in words (finding 10), and another site is refused whatever it claims (finding 12)", async ({
  playwright,
  baseURL,
}) => {
  const staff = await playwright.request.newContext({ baseURL });
  await signInByApi(staff, "staff");
  expect((await staff.get("/me/reports/2147483648")).status()).toBe(404);
  expect((await staff.get("/me/reports/99999999999999999999")).status()).toBe(404);
  for (const origin of [`${SITE}.evil.example`, "http://evil.example", "null"]) {
    const reply = await sendAction(
      staff,
      "setLocaleAction",
      { locale: "en" },
      { Origin: origin, "X-Forwarded-Host": origin.replace(/^https?:\/\//, "") },
    );
    expect(reply.status, origin).toBe(403);
    expect(reply.body).toContain("本站");
  }
  await staff.dispose();
  const anonymous = await playwright.request.newContext({ baseURL });
  const callback = await anonymous.get("/api/auth/callback/credentials", { maxRedirects: 0 });
  expect(callback.status()).toBe(303);
  expect(callback.headers()["location"]).toBe("/signin");
  for (const path of ["/api/auth/error?error=Configuration", "/api/auth/signin", "/api/auth/signout"]) {
    const response = await anonymous.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBeLessThan(400);
    expect(await response.text(), path).not.toMatch(/next-auth|This action|Sign in with/i);
  }
  await anonymous.dispose();
  countCases(PART, 10);
});
