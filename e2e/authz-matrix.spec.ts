import { AUDIENCES, prepareAudiences, signInAsAudience, type Audience } from "./audiences";
import { expect, signInByApi, test } from "./fixtures";
import { actionsManifest, routesManifest, sendAction, type ActionField } from "./send-action";
import { countCases } from "./suite-counts";

/*
 * One table of every route and every server action of the build × six audiences, with the answer
 * each must get; a route or action that the build has and the table lacks fails the first tests,
 * so none can be forgotten. Ids in the requests belong to someone else where that matters: staff
 * of 青石村 ask for a report of 前园村's staff, the reviewer of 桃源乡 for a flag of 城关镇.
 */
type Ids = { reportOfStaff: number; flagOfChengguan: number; mandateOfChengguan: number; caseOfChengguan: string };
type Expect = Record<Audience, number>;
type RouteCase =
  | { request: (ids: Ids) => { path: string; method?: "GET" | "POST"; data?: string }; expect: Expect }
  | { unreachable: string };

const row = (
  anonymous: number,
  staff: number,
  staffB: number,
  reviewer: number,
  reviewerElsewhere: number,
  admin: number,
): Expect => ({ anonymous, staff, staffB, reviewer, reviewerElsewhere, admin });
// 307 = sent to sign-in (pages) or home (the sign-in page, once signed in); 401/403 for route handlers.
const everyone = row(200, 200, 200, 200, 200, 200);
const staffPage = row(307, 200, 200, 403, 403, 403);
const reviewPage = row(307, 403, 403, 200, 200, 200);
const adminPage = row(307, 403, 403, 403, 403, 200);
const adminApi = row(401, 403, 403, 403, 403, 200);
const get = (path: string) => () => ({ path });

const ROUTES: Record<string, RouteCase> = {
  "/": { request: get("/"), expect: everyone },
  "/signin": { request: get("/signin"), expect: row(200, 307, 307, 307, 307, 307) },
  "/invite/[code]": { request: get("/invite/not-a-real-code-at-all"), expect: everyone },
  "/_not-found": { request: get("/no-such-page"), expect: row(404, 404, 404, 404, 404, 404) },
  "/_global-error": { unreachable: "rendered only when the root layout itself fails; no URL reaches it" },
  "/me": { request: get("/me"), expect: staffPage },
  "/me/reports/[id]": {
    request: (ids) => ({ path: `/me/reports/${ids.reportOfStaff}` }),
    expect: row(307, 200, 404, 403, 403, 403),
  },
  "/review": { request: get("/review"), expect: reviewPage },
  "/review/flags/[id]": {
    request: (ids) => ({ path: `/review/flags/${ids.flagOfChengguan}` }),
    expect: row(307, 403, 403, 200, 404, 200),
  },
  "/review/rectification": { request: get("/review/rectification"), expect: reviewPage },
  // A notice shows only what is outstanding inside the reader's subtree; elsewhere it says there is none (200).
  "/review/rectification/[code]": { request: get("/review/rectification/339900-D01"), expect: reviewPage },
  "/review/documents": { request: get("/review/documents"), expect: reviewPage },
  // A document holds only the reader's subtree; of a unit elsewhere it says there is none (200).
  "/review/documents/unit": { request: get("/review/documents/unit?unit=339900001001"), expect: reviewPage },
  "/review/documents/region": { request: get("/review/documents/region?region=339900001"), expect: reviewPage },
  "/review/mandates": { request: get("/review/mandates"), expect: reviewPage },
  "/review/cases": { request: get("/review/cases"), expect: reviewPage },
  // A case is a view of open findings: elsewhere it shows none (200), never the other subtree's (checked below).
  "/review/cases/[key]": {
    request: (ids) => ({ path: `/review/cases/${encodeURIComponent(ids.caseOfChengguan)}` }),
    expect: row(307, 403, 403, 200, 200, 200),
  },
  "/review/mandates/new": { request: get("/review/mandates/new"), expect: reviewPage },
  "/review/mandates/[id]": {
    request: (ids) => ({ path: `/review/mandates/${ids.mandateOfChengguan}` }),
    expect: row(307, 403, 403, 200, 404, 200),
  },
  "/api/review/lookup": {
    request: get("/api/review/lookup?kind=issuer&q=县"),
    expect: row(401, 403, 403, 200, 200, 200),
  },
  "/admin": { request: get("/admin"), expect: adminPage },
  "/admin/audit": { request: get("/admin/audit"), expect: adminPage },
  "/admin/channels": { request: get("/admin/channels"), expect: adminPage },
  "/admin/channels/[id]": { request: get("/admin/channels/1"), expect: adminPage },
  "/admin/import": { request: get("/admin/import"), expect: adminPage },
  "/admin/settings": { request: get("/admin/settings"), expect: adminPage },
  "/admin/units": { request: get("/admin/units"), expect: adminPage },
  "/admin/requirers": { request: get("/admin/requirers"), expect: adminPage },
  "/admin/products": { request: get("/admin/products"), expect: adminPage },
  "/admin/users": { request: get("/admin/users"), expect: adminPage },
  "/api/health": { request: get("/api/health"), expect: everyone },
  "/api/auth/[...nextauth]": { request: get("/api/auth/csrf"), expect: everyone },
  "/api/channels/search": { request: get("/api/channels/search?q=xxqg"), expect: row(401, 200, 200, 403, 403, 403) },
  "/api/admin/import": {
    request: () => ({
      path: "/api/admin/import?kind=units&dryRun=1",
      method: "POST",
      data: "code,name,level,parent_code\n",
    }),
    expect: adminApi,
  },
  "/api/admin/export/[kind]": { request: get("/api/admin/export/units?format=json"), expect: adminApi },
  "/api/admin/template/[kind]": { request: get("/api/admin/template/units"), expect: adminApi },
  // Entry 1 is not an import: the administrator is answered "not found", everyone else refused before the lookup.
  "/api/admin/audit/[id]": { request: get("/api/admin/audit/1"), expect: row(401, 403, 403, 403, 403, 404) },
  "/api/review/export": {
    request: get("/api/review/export?what=queue&format=json"),
    expect: row(401, 403, 403, 200, 200, 200),
  },
  "/api/v1/openapi.json": { request: get("/api/v1/openapi.json"), expect: everyone },
  "/api/v1/public/summary": { request: get("/api/v1/public/summary"), expect: everyone },
  "/api/v1/public/units/[code]": { request: get("/api/v1/public/units/339900"), expect: everyone },
  "/api/v1/public/issuers": { request: get("/api/v1/public/issuers"), expect: everyone },
  "/api/v1/public/channels": { request: get("/api/v1/public/channels"), expect: everyone },
};

/**
 * Who may run each action. The reviewer elsewhere holds the review permission, so review actions
 * are also sent to them with a valid form aimed at a flag of 城关镇 (`foreign`): it must be "not found".
 */
const ACTIONS: Record<string, { allowed: Audience[]; foreign?: (ids: Ids) => Record<string, ActionField> }> = {
  setLocaleAction: { allowed: [...AUDIENCES] },
  signOutAction: { allowed: [...AUDIENCES] },
  acceptInvitationAction: { allowed: [...AUDIENCES] },
  proposeChannelAction: { allowed: ["staff", "staffB"] },
  saveReportAction: { allowed: ["staff", "staffB"] },
  decideFlagAction: {
    allowed: ["reviewer", "reviewerElsewhere", "admin"],
    foreign: (ids) => ({ flagId: String(ids.flagOfChengguan), version: "1", decision: "confirm" }),
  },
  decideFlagsAction: {
    allowed: ["reviewer", "reviewerElsewhere", "admin"],
    foreign: (ids) => ({ flagIds: [String(ids.flagOfChengguan)], decision: "confirm" }),
  },
  setCaseOwnerAction: {
    allowed: ["reviewer", "reviewerElsewhere", "admin"],
    foreign: (ids) => ({ caseKey: ids.caseOfChengguan, ownerId: "" }),
  },
  mergeChannelsAction: {
    allowed: ["reviewer", "reviewerElsewhere", "admin"],
    foreign: (ids) => ({ flagId: String(ids.flagOfChengguan), version: "1", winnerId: "1", loserId: "2" }),
  },
  saveMandateAction: {
    allowed: ["reviewer", "reviewerElsewhere", "admin"],
    foreign: (ids) => ({
      mandateId: String(ids.mandateOfChengguan),
      version: "1",
      issuerUnitId: "1",
      targetUnitId: "1",
      channelId: "1",
      actions: ["install"],
    }),
  },
  revokeMandateAction: {
    allowed: ["reviewer", "reviewerElsewhere", "admin"],
    foreign: (ids) => ({
      mandateId: String(ids.mandateOfChengguan),
      version: "1",
      revokedOn: "2026-12-01",
      reason: "越权测试",
    }),
  },
  reviewMandateAction: {
    allowed: ["reviewer", "reviewerElsewhere", "admin"],
    foreign: (ids) => ({ mandateId: String(ids.mandateOfChengguan), version: "1", decision: "confirm" }),
  },
  withdrawReportAction: { allowed: ["staff", "staffB"] },
  dismissRequiredAction: { allowed: ["staff", "staffB"] },
  editChannelAction: { allowed: ["admin"] },
  reviewProposalAction: { allowed: ["admin"] },
  saveThresholdsAction: { allowed: ["admin"] },
  releasePublicFiguresAction: { allowed: ["admin"] },
  createUnitAction: { allowed: ["admin"] },
  editUnitAction: { allowed: ["admin"] },
  createInvitationAction: { allowed: ["admin"] },
  updateUserAction: { allowed: ["admin"] },
  moveStaffAction: { allowed: ["admin"] },
  mapRequirerAction: { allowed: ["admin"] },
  addKnownProductAction: { allowed: ["admin"] },
};

let ids: Ids;

test.beforeAll(async ({ playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL });
  await prepareAudiences(request);
  await signInByApi(request, "staff");
  const me = await (await request.get("/me")).text();
  const reportOfStaff = Number(/\/me\/reports\/(\d+)/.exec(me)?.[1]);
  await signInByApi(request, "reviewer");
  const queue = await (await request.get("/review?unit=339900001")).text();
  const flagOfChengguan = Number(/\/review\/flags\/(\d+)/.exec(queue)?.[1]);
  const mandates = await (await request.get(`/review/mandates?view=all&q=${encodeURIComponent("前园村")}`)).text();
  const mandateOfChengguan = Number(/\/review\/mandates\/(\d+)/.exec(mandates)?.[1]);
  expect(
    reportOfStaff && flagOfChengguan && mandateOfChengguan,
    "a report of the demo staff, a flag and a mandate of 城关镇",
  ).toBeTruthy();
  // A case of 城关镇 (usage cases name their township): the reviewer of 桃源乡 must not see it.
  const cases = await (await request.get("/review/cases")).text();
  const caseOfChengguan = decodeURIComponent(
    /\/review\/cases\/([^"?]+)"[^>]*><span[^>]*>[^<]*城关镇/.exec(cases)?.[1] ?? "",
  );
  expect(caseOfChengguan, "a case of 城关镇").toBeTruthy();
  ids = { reportOfStaff, flagOfChengguan, mandateOfChengguan, caseOfChengguan };
  await request.dispose();
});

test("every route of the build is in the table", () => {
  expect(Object.values(routesManifest).sort()).toEqual(Object.keys(ROUTES).sort());
});

test("every server action of the build is in the table", () => {
  expect(
    Object.values(actionsManifest)
      .map((a) => a.exportedName)
      .sort(),
  ).toEqual(Object.keys(ACTIONS).sort());
});

for (const [route, entry] of Object.entries(ROUTES)) {
  if ("unreachable" in entry) continue;
  test(`${route} × ${AUDIENCES.length} audiences`, async ({ playwright, baseURL }) => {
    for (const who of AUDIENCES) {
      const request = await playwright.request.newContext({ baseURL });
      await signInAsAudience(request, who);
      const { path, method = "GET", data } = entry.request(ids);
      const response =
        method === "POST"
          ? await request.post(path, { data, headers: { Origin: baseURL! }, maxRedirects: 0 })
          : await request.get(path, { maxRedirects: 0 });
      const body = await response.text();
      expect(response.status(), `${who} ${method} ${path}`).toBe(entry.expect[who]);
      if (response.status() === 307 && who === "anonymous") expect(response.headers()["location"]).toContain("/signin");
      if (response.status() === 403 && !path.startsWith("/api/")) expect(body).toContain("无权访问");
      // Nothing of the flag or report asked for leaks into a refusal.
      if (response.status() >= 400) expect(body).not.toMatch(/演示网格员|前园村.*报告/);
      await request.dispose();
    }
    countCases("authorization matrix: routes × audiences", AUDIENCES.length);
  });
}

for (const [name, { allowed, foreign }] of Object.entries(ACTIONS)) {
  test(`${name} × ${AUDIENCES.length} audiences`, async ({ playwright, baseURL }) => {
    for (const who of AUDIENCES) {
      const request = await playwright.request.newContext({ baseURL });
      await signInAsAudience(request, who);
      // A forged cookie gets an anonymous request past the proxy's redirect, to the action's own check.
      const headers: Record<string, string> = who === "anonymous" ? { cookie: "next-auth.session-token=forged" } : {};
      const aimedElsewhere = who === "reviewerElsewhere" && foreign;
      const reply = await sendAction(request, name, aimedElsewhere ? foreign(ids) : { flagId: "1" }, headers);
      expect(reply.status, reply.body).toBe(200);
      expect(reply.internal, `${who}: ${reply.body.slice(-300)}`).toBe(false);
      expect(reply.refused, `${who}: ${reply.body.slice(-300)}`).toBe(!allowed.includes(who));
      if (aimedElsewhere) {
        expect(reply.ok, reply.body.slice(-300)).toBe(false);
        expect(reply.body).toContain("找不到该记录");
      }
      await request.dispose();
    }
    countCases("authorization matrix: actions × audiences", AUDIENCES.length);
  });
}

test("an action posted from another site is refused whoever sends it", async ({ request }) => {
  await signInByApi(request, "admin");
  // Next.js itself rejects a cross-site action before it runs; our own same-origin check stands behind it.
  const { body } = await sendAction(request, "saveThresholdsAction", {}, { Origin: "https://evil.example" });
  expect(body).not.toContain('"ok":true');
  expect(body).not.toContain("请更正标出的内容");
});

test("the reviewer elsewhere's downloads and queue hold nothing of 城关镇", async ({ playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL });
  await signInAsAudience(request, "reviewerElsewhere");
  const foreignCase = await (await request.get(`/review/cases/${encodeURIComponent(ids.caseOfChengguan)}`)).text();
  expect(foreignCase).toContain("这个事项没有待处理的标记");
  expect(foreignCase).not.toContain("/review/flags/");
  expect(await (await request.get("/review/cases")).text()).not.toMatch(/<span[^>]*>[^<]*城关镇/);
  const exported = await (await request.get("/api/review/export?what=queue&format=json")).text();
  expect(exported).not.toContain(`"id":${ids.flagOfChengguan},`);
  expect(await (await request.get("/review?unit=339900001")).text()).not.toContain(
    `/review/flags/${ids.flagOfChengguan}"`,
  );
  await request.dispose();
});
