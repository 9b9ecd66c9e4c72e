import fs from "node:fs";
import { createRequire } from "node:module";
import type { APIRequestContext } from "@playwright/test";
import { expect, signInByApi, test } from "./fixtures";

/*
 * One table of every route and every server action of the build, with who may use it; a route or
 * action that the build has and the table lacks fails the first tests, so none can be forgotten.
 * Pages and route handlers are exercised role by role in access.spec.ts and the feature specs;
 * here every server action is sent, as each audience, straight over HTTP the way React sends it.
 */
type Audience = "anonymous" | "staff" | "reviewer" | "admin";
const ALL: Audience[] = ["anonymous", "staff", "reviewer", "admin"];

const ROUTES: Record<string, string> = {
  "/": "public", "/signin": "public", "/invite/[code]": "public", "/_not-found": "public", "/_global-error": "public",
  "/me": "staff", "/me/reports/[id]": "staff (own reports only)",
  "/review": "reviewer, admin", "/review/flags/[id]": "reviewer (own subtree), admin", "/review/rectification": "reviewer, admin",
  "/admin": "admin", "/admin/audit": "admin", "/admin/channels": "admin", "/admin/import": "admin", "/admin/settings": "admin", "/admin/units": "admin", "/admin/users": "admin",
  "/api/health": "public", "/api/auth/[...nextauth]": "public (next-auth)", "/api/channels/search": "staff",
  "/api/admin/import": "admin (POST, same origin)", "/api/admin/export/[kind]": "admin", "/api/review/export": "reviewer, admin",
  "/api/v1/openapi.json": "public", "/api/v1/public/summary": "public", "/api/v1/public/units/[code]": "public", "/api/v1/public/issuers": "public", "/api/v1/public/channels": "public",
};

const ACTIONS: Record<string, Audience[]> = {
  setLocaleAction: ALL,
  acceptInvitationAction: ALL,
  proposeChannelAction: ["staff"],
  saveReportAction: ["staff"],
  decideFlagAction: ["reviewer", "admin"],
  decideFlagsAction: ["reviewer", "admin"],
  mergeChannelsAction: ["reviewer", "admin"],
  editChannelAction: ["admin"],
  saveThresholdsAction: ["admin"],
  createUnitAction: ["admin"],
  editUnitAction: ["admin"],
  createInvitationAction: ["admin"],
  updateUserAction: ["admin"],
};

const routesManifest = JSON.parse(fs.readFileSync(".next/app-path-routes-manifest.json", "utf8")) as Record<string, string>;
const actionsManifest = (JSON.parse(fs.readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
  node: Record<string, { workers: Record<string, unknown>; exportedName?: string }>;
}).node;

test("every route of the build is in the table", () => {
  expect(Object.values(routesManifest).sort()).toEqual(Object.keys(ROUTES).sort());
});

test("every server action of the build is in the table", () => {
  expect(Object.values(actionsManifest).map((a) => a.exportedName).sort()).toEqual(Object.keys(ACTIONS).sort());
});

/** Posts an action as React does (Flight reply encoding) to a page that loads it; returns its result line. */
async function sendAction(request: APIRequestContext, name: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  const [id, entry] = Object.entries(actionsManifest).find(([, a]) => a.exportedName === name)!;
  const worker = Object.keys(entry.workers)[0]!.replace(/^app/, "");
  const path = routesManifest[worker]!.replace(/\[[^\]]+\]/g, "1");
  const { encodeReply } = createRequire(`${process.cwd()}/package.json`)("next/dist/compiled/react-server-dom-webpack/client.node.js") as { encodeReply: (v: unknown) => Promise<FormData | string> };
  const form = new FormData();
  form.append("flagId", "1");
  const encoded = await encodeReply(name === "setLocaleAction" ? [form] : [null, form]);
  const multipart: Record<string, string> = {};
  if (typeof encoded === "string") multipart["0"] = encoded;
  else for (const [k, v] of encoded.entries()) multipart[k] = String(v);
  const response = await request.post(path, { multipart, headers: { "Next-Action": id, Accept: "text/x-component", Origin: "http://127.0.0.1:3100", ...headers }, maxRedirects: 0 });
  return { status: response.status(), body: await response.text() };
}

for (const [name, allowed] of Object.entries(ACTIONS)) {
  for (const who of ALL) {
    const ok = allowed.includes(who);
    test(`${who} → ${name}: ${ok ? "let through" : "refused"}`, async ({ request }) => {
      // A forged cookie gets an anonymous request past the proxy's redirect, to the action's own check.
      const headers: Record<string, string> = who === "anonymous" ? { cookie: "next-auth.session-token=forged" } : {};
      if (who !== "anonymous") await signInByApi(request, who);
      const { status, body } = await sendAction(request, name, headers);
      expect(status, body).toBe(200);
      const refused = body.includes("您没有权限进行此操作。") || body.includes("登录已失效，请重新登录。");
      expect(refused, body.slice(-300)).toBe(!ok);
    });
  }
}

test("an action posted from another site is refused whoever sends it", async ({ request }) => {
  await signInByApi(request, "admin");
  // Next.js itself rejects a cross-site action before it runs; our own same-origin check stands behind it.
  const { body } = await sendAction(request, "saveThresholdsAction", { Origin: "https://evil.example" });
  expect(body).not.toContain('"ok":true');
  expect(body).not.toContain("请更正标出的内容");
});
