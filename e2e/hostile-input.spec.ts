import { createHash, randomBytes } from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import { THRESHOLD_FIELDS } from "../lib/settings/thresholds.validation";
import { expect, signInByApi, test } from "./fixtures";
import {
  choice,
  freeText,
  oneLine,
  pastDate,
  QUERY_VALUES,
  recordId,
  STORABLE_TEXT,
  wholeNumber,
  type Corpus,
} from "./hostile-corpus";
import { sendAction, type ActionField } from "./send-action";
import { countCases } from "./suite-counts";

/*
 * The hostile-input corpus sent to every server action (field by field, the rest of the form
 * valid), to the route handlers and pages that read a query, and to the import: each answer is a
 * refusal the user can read (never the generic "something went wrong", never a 500), and the
 * ledger is byte for byte what it was. Markup, SQL and formulas that a text field may hold are
 * then stored and shown as text everywhere.
 */
type Who = "anonymous" | "staff" | "reviewer" | "admin";
type Target = { as: Who; base: () => Record<string, ActionField>; fields: Record<string, Corpus> };

const except = (corpus: Corpus, ...names: string[]): Corpus =>
  Object.fromEntries(Object.entries(corpus).filter(([k]) => !names.includes(k)));
const key = () => `hostile-${randomBytes(6).toString("hex")}`;
const thresholds = Object.fromEntries(Object.entries(THRESHOLD_FIELDS).map(([k, v]) => [k, String(v.default)]));

const TARGETS: Record<string, Target> = {
  saveReportAction: {
    as: "staff",
    base: () => ({
      channelId: "1",
      requiredByUnitId: "",
      requiredByName: "",
      actions: ["install"],
      accounts: "1",
      minutesPerWeek: "10",
      installedOn: "2026-01-01",
      lastUsedOn: "2026-02-01",
      usefulness: "3",
      note: "",
      version: "",
      submissionKey: key(),
    }),
    fields: {
      channelId: recordId,
      requiredByUnitId: recordId,
      requiredByName: oneLine(100),
      actions: choice,
      accounts: wholeNumber(0, 100),
      minutesPerWeek: wholeNumber(0, 7 * 24 * 60),
      installedOn: pastDate,
      lastUsedOn: pastDate,
      usefulness: wholeNumber(1, 5),
      note: freeText(500),
      version: except(recordId, "zero"),
      submissionKey: oneLine(64),
    },
  },
  withdrawReportAction: {
    as: "staff",
    base: () => ({ reportId: "1", version: "1", withdrawnOn: "2026-12-01" }),
    fields: { reportId: recordId, version: except(recordId, "zero"), withdrawnOn: pastDate },
  },
  dismissRequiredAction: {
    as: "staff",
    base: () => ({ channelId: "1" }),
    fields: { channelId: recordId, restore: choice },
  },
  saveMandateAction: {
    as: "reviewer",
    base: () => ({
      mandateId: "",
      version: "",
      issuerUnitId: "1",
      targetUnitId: "1",
      channelId: "1",
      actions: ["install"],
      quota: "",
      document: "",
      since: "",
      until: "",
    }),
    fields: {
      mandateId: recordId,
      issuerUnitId: recordId,
      targetUnitId: recordId,
      channelId: recordId,
      actions: choice,
      quota: wholeNumber(0, 1_000_000),
      document: oneLine(200),
      since: except(pastDate, "far future"),
      until: except(pastDate, "far future"),
    },
  },
  revokeMandateAction: {
    as: "reviewer",
    base: () => ({ mandateId: "1", version: "1", revokedOn: "2026-12-01", reason: "已发文停止" }),
    fields: {
      mandateId: recordId,
      version: except(recordId, "zero"),
      revokedOn: except(pastDate, "far future"),
      reason: freeText(500),
    },
  },
  reviewMandateAction: {
    as: "reviewer",
    base: () => ({ mandateId: "1", version: "1", decision: "reject", reason: "经核实不属实" }),
    fields: { mandateId: recordId, version: except(recordId, "zero"), decision: choice, reason: freeText(500) },
  },
  proposeChannelAction: {
    as: "staff",
    base: () => ({ name: `敌意测试${key()}`, kind: "app" }),
    fields: { name: oneLine(100), kind: choice },
  },
  decideFlagAction: {
    as: "reviewer",
    base: () => ({ flagId: "1", version: "1", decision: "dismiss", reason: "已核实" }),
    fields: { flagId: recordId, version: recordId, decision: choice, reason: freeText(1000) },
  },
  decideFlagsAction: {
    as: "reviewer",
    base: () => ({ flagIds: ["1"], decision: "dismiss", reason: "已核实" }),
    fields: { flagIds: recordId, decision: choice, reason: freeText(1000) },
  },
  setCaseOwnerAction: {
    as: "reviewer",
    base: () => ({ caseKey: "overload:1", ownerId: "" }),
    fields: { caseKey: oneLine(200), ownerId: recordId },
  },
  mergeChannelsAction: {
    as: "reviewer",
    base: () => ({ flagId: "1", version: "1", winnerId: "1", loserId: "2" }),
    fields: { flagId: recordId, version: recordId, winnerId: recordId, loserId: recordId },
  },
  reviewProposalAction: {
    as: "admin",
    base: () => ({ channelId: "1", version: "1", decision: "reject", intoId: "", reason: "已有同名渠道" }),
    fields: { channelId: recordId, version: recordId, decision: choice, intoId: recordId, reason: oneLine(500) },
  },
  editChannelAction: {
    as: "admin",
    base: () => ({
      channelId: "1",
      version: "1",
      name: "学习强国",
      kind: "app",
      purpose: "learning",
      operator: "",
      platformId: "",
      filing: "",
      newAlias: "",
      status: "active",
    }),
    fields: {
      channelId: recordId,
      version: recordId,
      name: oneLine(100),
      kind: choice,
      purpose: choice,
      status: choice,
      operator: oneLine(100),
      platformId: oneLine(200),
      filing: oneLine(100),
      newAlias: oneLine(100),
    },
  },
  saveThresholdsAction: {
    as: "admin",
    base: () => ({ ...thresholds, loadedAt: "" }),
    fields: {
      ...Object.fromEntries(
        Object.entries(THRESHOLD_FIELDS).map(([k, v]) => [k, wholeNumber(v.min, v.max, "zeroMeans" in v)]),
      ),
      loadedAt: oneLine(40),
    },
  },
  createUnitAction: {
    as: "admin",
    base: () => ({ code: key(), name: "敌意测试单位", level: "village", parentCode: "" }),
    fields: { code: oneLine(64), name: oneLine(100), level: choice, parentCode: oneLine(64) },
  },
  editUnitAction: {
    as: "admin",
    base: () => ({ unitId: "1", version: "1", name: "示范市", parentCode: "", retire: "" }),
    fields: { unitId: recordId, version: recordId, name: oneLine(100), parentCode: oneLine(64), retire: choice },
  },
  createInvitationAction: {
    as: "admin",
    base: () => ({ role: "STAFF", unitCode: "339900002001", login: "" }),
    fields: { role: choice, unitCode: oneLine(64), login: oneLine(64) },
  },
  addKnownProductAction: {
    as: "admin",
    base: () => ({ name: "敌意测试产品", otherNames: "Hostile Test", platformId: "" }),
    fields: { name: oneLine(100), otherNames: oneLine(100), platformId: oneLine(200) },
  },
  mapRequirerAction: {
    as: "admin",
    base: () => ({ name: "敌意测试部门", countyId: "", unitId: "1" }),
    fields: { name: oneLine(100), countyId: recordId, unitId: recordId },
  },
  moveStaffAction: {
    as: "admin",
    base: () => ({ userId: "1", unitId: "1" }),
    fields: { userId: recordId, unitId: recordId },
  },
  updateUserAction: {
    as: "admin",
    base: () => ({ userId: "1", role: "ADMIN", disabled: "false" }),
    fields: { userId: recordId, role: choice, disabled: choice },
  },
  acceptInvitationAction: {
    as: "anonymous",
    base: () => ({
      code: "x".repeat(24),
      login: "hostile_user",
      name: "敌意测试",
      password: "hostile-pass-2026",
      confirm: "hostile-pass-2026",
    }),
    fields: { code: oneLine(100), login: oneLine(64), name: oneLine(50), password: freeText(256) },
  },
};

/** GETs that read what the visitor typed: `{v}` is replaced by each query value. */
const READERS: [Who, string][] = [
  ["staff", "/api/channels/search?q={v}"],
  ["reviewer", "/api/review/export?what={v}&format=json"],
  ["reviewer", "/api/review/export?what=queue&format={v}"],
  ["reviewer", "/review?q={v}&unit={v}&issuer={v}&channel={v}"],
  ["reviewer", "/review?kind={v}&status={v}&age={v}&page={v}"],
  ["reviewer", "/review/flags/{v}"],
  ["reviewer", "/review/mandates?view={v}&q={v}&page={v}"],
  ["reviewer", "/review/mandates/{v}"],
  ["reviewer", "/review/cases?page={v}&show={v}&q={v}"],
  ["reviewer", "/api/review/lookup?kind=colleague&q={v}"],
  ["reviewer", "/review/cases/{v}"],
  ["reviewer", "/api/review/lookup?kind={v}&q={v}"],
  ["reviewer", "/api/review/lookup?kind=issuer&q={v}"],
  ["admin", "/api/admin/export/{v}?format=json"],
  ["admin", "/admin/audit?entity={v}&entityId={v}&before={v}&who={v}&kind={v}&from={v}&to={v}"],
  ["admin", "/api/admin/audit/{v}"],
  ["admin", "/admin/users?q={v}&page={v}&role={v}&unit={v}"],
  ["admin", "/admin/channels?q={v}&status={v}&kind={v}&purpose={v}&proposed={v}&page={v}"],
  ["admin", "/admin/channels/{v}"],
  ["admin", "/admin/units?q={v}&parent={v}"],
  ["anonymous", "/api/v1/public/units/{v}"],
  ["anonymous", "/api/v1/public/channels?format={v}"],
  ["anonymous", "/?region={v}"],
  ["anonymous", "/invite/{v}"],
  ["anonymous", "/signin?next={v}"],
];

const HEADER = "name,kind,operator,platform_id,aliases,purpose\n";
/** A damaged workbook: the start of a zip archive (as an .xlsx is), then noise. */
const workbook = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]), randomBytes(512)]);
/** A header, then bytes that neither UTF-8 nor GB18030 can hold (0xFF leads nothing in either). */
const notText = Buffer.concat([
  Buffer.from(HEADER),
  Buffer.from([0xff, 0xfe, 0x80, 0x00]),
  Buffer.from(",app,,,,service\n"),
]);
/** Files the import must refuse whole (all or nothing): each leaves the ledger as it was. */
const BAD_FILES: Record<string, Buffer | string> = {
  "an Excel workbook, damaged": workbook,
  "bytes that are no text (neither UTF-8 nor GB18030)": notText,
  "binary garbage": randomBytes(4096),
  "unbalanced quote": `${HEADER}"敌意渠道,app,,,,service\n`,
  "missing required columns": "name\n敌意渠道\n",
  "empty file": "",
  "NUL byte in a cell": `${HEADER}敌意\u0000渠道,app,,,,service\n`,
  "terminal escape in a cell": `${HEADER}\u001b[2J敌意渠道,app,,,,service\n`,
  "a cell of 1 MiB": `${HEADER}${"渠".repeat(1 << 20)},app,,,,service\n`,
  "10,000 columns": `${HEADER}${"敌意渠道,app,,,,service" + ",x".repeat(10_000)}\n一个${"\u0007"},app,,,,service\n`,
  "unknown kind of channel": `${HEADER}敌意渠道,<script>,,,,service\n`,
  "a bad row after good ones": `${HEADER}${Array.from({ length: 500 }, (_, i) => `敌意渠道${i},app,,,,service`).join("\n")}\n坏行,app,,,,<svg>\n`,
};

async function as(
  playwright: { request: { newContext: (o: { baseURL?: string }) => Promise<APIRequestContext> } },
  baseURL: string,
  who: Who,
) {
  const request = await playwright.request.newContext({ baseURL });
  if (who !== "anonymous") await signInByApi(request, who);
  return request;
}

/** A digest of the whole ledger as the admin can read it: the four exports and the newest page of the audit log. */
async function ledgerDigest(admin: APIRequestContext): Promise<string> {
  const hash = createHash("sha256");
  for (const kind of ["units", "channels", "mandates", "reports"]) {
    const response = await admin.get(`/api/admin/export/${kind}?format=json`);
    expect(response.status()).toBe(200);
    hash.update(await response.body());
  }
  hash.update(
    /<ol[^>]*audit-entries[\s\S]*?<\/ol>/.exec(await (await admin.get("/admin/audit")).text())?.[0] ??
      "no audit entries",
  );
  hash.update(await (await admin.get("/api/review/export?what=decisions&format=json")).body());
  return hash.digest("hex");
}

test("every server action refuses each hostile value in each field, says which field, and changes nothing", async ({
  playwright,
  baseURL,
}) => {
  test.setTimeout(300_000);
  const clients = Object.fromEntries(
    await Promise.all(
      (["anonymous", "staff", "reviewer", "admin"] as const).map(async (w) => [w, await as(playwright, baseURL!, w)]),
    ),
  ) as Record<Who, APIRequestContext>;
  const before = await ledgerDigest(clients.admin);
  let tried = 0;
  const wrong: string[] = [];
  for (const [action, { as: who, base, fields }] of Object.entries(TARGETS)) {
    for (const [field, corpus] of Object.entries(fields)) {
      for (const [label, value] of Object.entries(corpus)) {
        const reply = await sendAction(clients[who], action, {
          ...base(),
          [field]: field === "flagIds" || field === "actions" ? [value as string] : value,
        });
        tried++;
        // Bodies above the limit are refused before the action runs, with a message of their own.
        const tooLarge = reply.status === 413 && reply.body.includes("提交的内容过大");
        const fine =
          tooLarge ||
          (reply.status === 200 &&
            !reply.internal &&
            !reply.refused &&
            reply.ok === false &&
            field in reply.fieldErrors);
        if (!fine) wrong.push(`${action}.${field} ← ${label}: HTTP ${reply.status} ${reply.body.slice(-240)}`);
      }
    }
  }
  // The language switch takes only the languages it knows; anything else sets no cookie.
  for (const [label, value] of Object.entries(choice)) {
    const reply = await sendAction(clients.anonymous, "setLocaleAction", { locale: value });
    tried++;
    if (reply.status !== 200 || reply.internal) wrong.push(`setLocaleAction.locale ← ${label}: HTTP ${reply.status}`);
  }
  expect(wrong, wrong.join("\n")).toEqual([]);
  expect(await ledgerDigest(clients.admin), "the ledger after the hostile actions").toBe(before);
  countCases("hostile inputs: server action fields", tried);
});

test("route handlers and pages answer hostile queries with a refusal or a page, never an error", async ({
  playwright,
  baseURL,
}) => {
  test.setTimeout(180_000);
  let tried = 0;
  const wrong: string[] = [];
  for (const [who, template] of READERS) {
    const request = await as(playwright, baseURL!, who);
    for (const [label, value] of Object.entries(QUERY_VALUES)) {
      const path = template.replaceAll("{v}", value);
      const response = await request.get(path, { maxRedirects: 0 });
      const body = await response.text();
      tried++;
      // A failure inside a streamed page reaches the browser as a numeric error digest, not as a status
      // (a "not found" carries a digest too, but a named one).
      if (response.status() >= 500 || /请求未能完成|出了点问题|\\?"digest\\?":\\?"\d/.test(body))
        wrong.push(`${who} ${template} ← ${label}: HTTP ${response.status()} ${body.slice(0, 200)}`);
      if (/<script>alert\(1\)<\/script>/.test(body))
        wrong.push(`${who} ${template} ← ${label}: the script tag came back unescaped`);
    }
    await request.dispose();
  }
  expect(wrong, wrong.join("\n")).toEqual([]);
  countCases("hostile inputs: queries to route handlers and pages", tried);
});

test("the import refuses hostile files whole, with a message, and the ledger is unchanged", async ({
  playwright,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const admin = await as(playwright, baseURL!, "admin");
  const before = await ledgerDigest(admin);
  const wrong: string[] = [];
  let tried = 0;
  for (const [label, file] of Object.entries(BAD_FILES)) {
    const response = await admin.post("/api/admin/import?kind=channels", {
      data: file,
      headers: { Origin: baseURL!, "Content-Type": "text/csv" },
    });
    const body = await response.text();
    tried++;
    const refusedUpFront = response.status() >= 400 && response.status() < 500 && /"message":"[^"]+"/.test(body);
    const refusedByRows =
      response.status() === 200 &&
      /"applied":false/.test(body) &&
      /"issueCount":[1-9]/.test(body) &&
      /"message":"[^"]+"/.test(body);
    if (!(refusedUpFront || refusedByRows) || /"internal"/.test(body))
      wrong.push(`${label}: HTTP ${response.status()} ${body.slice(-300)}`);
    if (label.startsWith("an Excel") && !(response.status() === 422 && body.includes("Excel")))
      wrong.push(`${label}: not named as a workbook: ${body.slice(0, 200)}`);
    if (label.startsWith("bytes that") && !(response.status() === 422 && body.includes("GB18030")))
      wrong.push(`${label}: not named as an encoding problem: ${body.slice(0, 200)}`);
  }
  for (const [label, path] of Object.entries({
    "unknown kind": "/api/admin/import?kind=../../etc",
    "no kind": "/api/admin/import",
  })) {
    const response = await admin.post(path, { data: HEADER, headers: { Origin: baseURL! } });
    tried++;
    if (response.status() !== 400) wrong.push(`${label}: HTTP ${response.status()}`);
  }
  const tooBig = await admin.post("/api/admin/import?kind=channels", {
    data: Buffer.alloc(65 * 1024 * 1024, 0x61),
    headers: { Origin: baseURL! },
  });
  tried++;
  if (tooBig.status() !== 413) wrong.push(`65 MiB file: HTTP ${tooBig.status()}`);
  expect(wrong, wrong.join("\n")).toEqual([]);
  expect(await ledgerDigest(admin), "the ledger after the hostile files").toBe(before);
  countCases("hostile inputs: import files", tried);
});

test("markup, SQL and formulas that fields may hold are stored as typed and shown as text everywhere", async ({
  page,
  playwright,
  baseURL,
}) => {
  const staff = await as(playwright, baseURL!, "staff");
  const name = `${STORABLE_TEXT.markup.slice(0, 60)}${randomBytes(2).toString("hex")}`;
  const proposed = await sendAction(staff, "proposeChannelAction", { name, kind: "app" });
  expect(proposed.ok, proposed.body.slice(-300)).toBe(true);
  const admin = await as(playwright, baseURL!, "admin");
  const formula = `${STORABLE_TEXT.formula}${randomBytes(2).toString("hex")}`;
  const imported = await admin.post("/api/admin/import?kind=channels", {
    data: `${HEADER}"${formula.replaceAll('"', '""')}",app,,,"${STORABLE_TEXT.sql}",service\n`,
    headers: { Origin: baseURL! },
  });
  expect(await imported.text()).toContain('"applied":true');

  // The CSV download keeps a spreadsheet from running the formula; JSON gives it back as typed.
  const csv = await (await admin.get("/api/admin/export/channels?format=csv")).text();
  expect(csv).toContain(`"'${formula.replaceAll('"', '""')}"`);
  expect(await (await admin.get("/api/admin/export/channels?format=json")).text()).toContain(JSON.stringify(formula));

  let dialogs = 0;
  page.on("dialog", (d) => {
    dialogs++;
    void d.dismiss();
  });
  await signInByApi(page.request, "admin");
  for (const q of [name.slice(-4), formula.slice(-4)]) {
    await page.goto(`/admin/channels?q=${encodeURIComponent(q)}`);
    await expect(page.locator("main")).toContainText(q === name.slice(-4) ? name : formula);
  }
  // The audit log names the proposed channel in its sentence, as text.
  await page.goto(`/admin/audit?kind=channel`);
  await expect(page.getByTestId("audit-entries")).toContainText(`基层提交了新渠道 “${name}”`);
  expect(await page.evaluate(() => (window as unknown as { __hostile?: number }).__hostile)).toBeUndefined();
  expect(dialogs).toBe(0);
  countCases("hostile inputs: stored markup shown escaped", 3);
});
