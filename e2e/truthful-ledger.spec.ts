import type { APIRequestContext } from "@playwright/test";
import { expect, signInByApi, test } from "./fixtures";
import { inviteByApi } from "./invite-by-api";

/*
 * Issue 16's journey: a staff member invited today starts from what the ledger says their village
 * must use, confirms one, sets one aside, reports a channel no file mentions with who required it
 * picked from the list, and withdraws a report; a reviewer sees the flag that report raised and
 * confirms the reported mandate; an administrator declares, edits and revokes a mandate.
 */
const PASSWORD = "ledger-pass-2026";

type ExportedMandate = { issuer_code: string; unit_code: string; channel: string };

/**
 * A village whose imported mandates name at least three channels (the demo is seeded, so it is
 * always the same one); the `nth` such village, so that each screen width starts from a village
 * no earlier run reported in.
 */
async function villageWithMandates(
  admin: APIRequestContext,
  nth: number,
): Promise<{ code: string; channels: string[] }> {
  const rows = (await (await admin.get("/api/admin/export/mandates?format=json")).json()) as ExportedMandate[];
  const reports = (await (await admin.get("/api/admin/export/reports?format=json")).json()) as {
    unit_code: string;
    required_by: string;
  }[];
  // Villages where staff already said who required something also have mandates known from reports.
  const reported = new Set(reports.filter((r) => r.required_by).map((r) => r.unit_code));
  const byUnit = new Map<string, Set<string>>();
  for (const r of rows)
    if (/^339900\d{6}$/.test(r.unit_code) && !reported.has(r.unit_code))
      byUnit.set(r.unit_code, (byUnit.get(r.unit_code) ?? new Set()).add(r.channel));
  const [code, channels] = [...byUnit].filter(([c, set]) => set.size >= 3 && !set.has("钉钉") && c !== "339900001001")[
    nth
  ]!;
  return { code, channels: [...channels] };
}

const inviteStaff = (admin: APIRequestContext, unitCode: string) =>
  inviteByApi(admin, { role: "STAFF", unitCode, name: "新来的网格员", password: PASSWORD, loginPrefix: "ledger" });

test("a new staff member confirms, sets aside, reports with who required it, and withdraws; a reviewer confirms what was reported", async ({
  page,
  playwright,
  baseURL,
}, testInfo) => {
  test.setTimeout(120_000);
  const admin = await playwright.request.newContext({ baseURL });
  await signInByApi(admin, "admin");
  const village = await villageWithMandates(admin, testInfo.project.name === "phone-360" ? 0 : 1);
  const login = await inviteStaff(admin, village.code);
  await signInByApi(page.request, login, PASSWORD);

  await page.goto("/me");
  const unitName = (await page.getByText(/^所在单位：/).textContent())!.replace("所在单位：", "");
  const required = page.getByRole("list", { name: "待确认的渠道" });
  await expect(required.getByRole("listitem")).toHaveCount(village.channels.length);
  await page.screenshot({ path: testInfo.outputPath("me-first-visit.png"), fullPage: true });
  const [confirmed, setAside, withdrawn] = village.channels.sort() as [string, string, string];

  // Confirm one: the form opens with who required it already chosen; minutes and last use must be answered.
  await page.getByRole("button", { name: `确认并填报“${confirmed}”` }).click();
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.locator("#minutesPerWeek-error")).toHaveText("必填。");
  await expect(page.locator("#lastUsedOn-error")).toContainText("从未真正使用");
  await page.getByRole("button", { name: "30′" }).click();
  await page.getByRole("button", { name: "本月" }).click();
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByTestId("composer-notice")).toHaveText(`已保存“${confirmed}”。`);

  // Set one aside; it leaves the list.
  await page.getByRole("button", { name: `“${setAside}”与我无关` }).click();
  await expect(required.getByText(setAside, { exact: true })).toHaveCount(0);
  // …and can be put back.
  await page.getByText(/已设为“与我无关”的渠道/).click();
  await page.getByRole("button", { name: `把“${setAside}”放回待确认` }).click();
  await expect(required.getByText(setAside, { exact: true })).toHaveCount(1);
  await page.getByRole("button", { name: `“${setAside}”与我无关` }).click();
  await expect(required.getByText(setAside, { exact: true })).toHaveCount(0);

  // A channel no file mentions, required by 县委组织部 — picked by its pinyin initials, not typed.
  await page.getByLabel(/搜索渠道/).fill("dd");
  await page.getByRole("button", { name: /^钉钉 / }).click();
  await page.getByLabel("筛选：输入名称或拼音首字母").fill("xwzzb");
  await expect(page.getByRole("combobox", { name: "谁要求的" })).toHaveValue(/\d+/);
  await expect(page.getByRole("combobox", { name: "谁要求的" }).locator("option:checked")).toHaveText(
    "县委组织部（清河县）",
  );
  await page.getByText("每日打卡", { exact: true }).click();
  await page.getByText("积分排名", { exact: true }).click();
  await page.getByRole("button", { name: "60′" }).click();
  await page.getByText("从未真正用过", { exact: true }).click();
  await page.screenshot({ path: testInfo.outputPath("me-report-with-requirer.png"), fullPage: true });
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByTestId("composer-notice")).toHaveText("已保存“钉钉”。");

  // Withdraw another after confirming it: no longer required since today.
  await page.getByRole("button", { name: `确认并填报“${withdrawn}”` }).click();
  await page.getByRole("button", { name: "10′" }).click();
  await page.getByRole("button", { name: "本周" }).click();
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByTestId("composer-notice")).toHaveText(`已保存“${withdrawn}”。`);
  await page
    .getByRole("list", { name: "我填报的渠道" })
    .getByRole("link", { name: new RegExp(`^${withdrawn}`) })
    .click();
  await page.getByRole("button", { name: "撤回这条填报" }).click();
  await expect(page).toHaveURL(/\/me$/);
  await expect(page.getByRole("list", { name: "已撤回的填报（不再被要求）" })).toContainText(withdrawn);
  await expect(page.getByRole("list", { name: "我填报的渠道" })).not.toContainText(withdrawn);
  await expect(page.getByRole("list", { name: "我填报的渠道" })).toContainText("个账号 · 每周 60 分钟");
  await page.screenshot({ path: testInfo.outputPath("me-after.png"), fullPage: true });

  // The reviewer of the county: the reported mandate waits for them, and its flag cites where it comes from.
  await page.context().clearCookies();
  await signInByApi(page.request, "reviewer");
  await page.goto("/review?q=钉钉");
  await expect(page.getByText(/县委组织部对“钉钉”的要求违反规定.*基层反映/).first()).toBeVisible();
  await page.goto("/review/mandates?view=pending");
  await page.getByRole("link", { name: new RegExp(`^县委组织部 要求 ${unitName} 使用“钉钉”`) }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`县委组织部 要求 ${unitName} 使用“钉钉”`);
  await expect(page.getByText("基层反映（填报少于 5 人），待确认")).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("review-reported-mandate.png"), fullPage: true });
  await page.getByRole("button", { name: "确认属实" }).click();
  await expect(page.getByText("基层反映（填报少于 5 人），已确认")).toBeVisible();
  await expect(page.getByText(/^已确认属实（.+，\d{4}-\d{2}-\d{2} \d{2}:\d{2}）/)).toBeVisible();
  await expect(page.getByRole("button", { name: "确认属实" })).toHaveCount(0);
  await admin.dispose();
});

test("an administrator declares a mandate by picking names, edits it and revokes it with a reason", async ({
  signInAs,
}, testInfo) => {
  const page = await signInAs("admin");
  await page.goto("/review/mandates/new");
  const pick = async (label: string, typed: string, choice: RegExp) => {
    await page.getByLabel(label, { exact: true }).fill(typed);
    await page.getByRole("list", { name: label }).getByRole("button", { name: choice }).first().click();
  };
  await pick("下发部门", "县妇联", /^县妇联（清河县）$/);
  await pick("被要求的单位", "桃花村", /^桃花村（桃源乡）$/);
  await pick("渠道", "qywx", /^企业微信$/);
  await page.getByLabel("每日打卡").check();
  await page.getByLabel("依据文件（文号，可空）").fill("清妇〔2026〕3号");
  await page.screenshot({ path: testInfo.outputPath("mandate-new.png"), fullPage: true });
  await page.getByRole("button", { name: "保存要求" }).click();
  await expect(page.getByRole("status")).toHaveText(/已保存/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("县妇联 要求 桃花村 使用“企业微信”");
  await expect(page.getByText("系统登记")).toBeVisible();

  await page.getByText("修改这条要求").click();
  await page.getByLabel("依据文件（文号，可空）").fill("清妇〔2026〕4号");
  await page.getByRole("button", { name: "保存要求" }).click();
  await expect(page.getByText("清妇〔2026〕4号")).toBeVisible();

  await page.getByRole("button", { name: "撤销要求" }).click();
  await expect(page.locator("#revoke-reason-error")).toHaveText("必填。");
  await page.getByLabel("撤销原因或依据").fill("县妇联已发文停止使用");
  await page.getByRole("button", { name: "撤销要求" }).click();
  await expect(page.getByText(/已于 \d{4}-\d{2}-\d{2} 撤销/)).toBeVisible();
  await expect(page.getByText("县妇联已发文停止使用")).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("mandate-revoked.png"), fullPage: true });
});

test("an administrator moves a staff member to another village, picking it by name", async ({
  signInAs,
  playwright,
  baseURL,
}) => {
  const admin = await playwright.request.newContext({ baseURL });
  await signInByApi(admin, "admin");
  const login = await inviteStaff(admin, "339900003001");
  await admin.dispose();
  const page = await signInAs("admin");
  await page.goto(`/admin/users?q=${login}`);
  const row = page.getByRole("row").filter({ hasText: login });
  await row.getByText("调到其他单位").click();
  await row.getByLabel("调入单位", { exact: true }).fill("桃花村");
  await row.getByRole("button", { name: "桃花村（桃源乡）" }).click();
  await row.getByRole("button", { name: "确认调动" }).click();
  await expect(row.getByRole("status")).toHaveText(/已调动/);
  await page.reload();
  await expect(page.getByRole("row").filter({ hasText: login })).toContainText("桃花村");
});
