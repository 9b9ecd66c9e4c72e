import { randomBytes } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import { expect, signInByApi, SITE, test } from "./fixtures";

const ORIGIN = { origin: SITE };

/**
 * A pair of duplicate channels of the demo county, made through the admin import: the spec does not
 * depend on which of the demo's pairs other specs have already merged or moved.
 */
async function demoCountyDuplicate(browser: Browser): Promise<string> {
  const admin = await browser.newPage();
  await signInByApi(admin.request, "admin");
  const name = `审核测试通${randomBytes(3).toString("hex")}`;
  const files = {
    channels: `name,kind,operator,platform_id,aliases,purpose\n${name},app,339900-D03,,,reporting\n${name}APP,app,339900-D03,,,reporting\n`,
    mandates: `issuer_code,unit_code,channel,actions,assessment_linked,ranking,quota,since,document\n339900-D03,339900001001,${name},install,false,false,,2026-01-01,\n`,
  };
  for (const [kind, body] of Object.entries(files)) {
    const response = await admin.request.post(`/api/admin/import?kind=${kind}`, { data: body, headers: ORIGIN });
    expect(await response.text(), kind).toContain('"applied":true');
  }
  await admin.close();
  return name;
}

/** The id of the first flag on the queue page at `query`, read from its link. */
async function firstFlagId(page: Page, query: string): Promise<number> {
  await page.goto(`/review?${query}`);
  const href = await page.locator('main a[href^="/review/flags/"]').first().getAttribute("href");
  expect(href, `a flag for ${query}`).toBeTruthy();
  return Number(href!.split("/").pop());
}

test("the demo reviewer works through the queue: confirm, dismiss, merge, assign, resolve — each in the audit log", async ({
  signInAs,
  browser,
}) => {
  test.setTimeout(120_000);
  const page = await signInAs("reviewer");
  await page.goto("/review");
  await expect(page.getByRole("heading", { name: "审核工作台" })).toBeVisible();
  await expect(page.getByText("辖区：清河县")).toBeVisible();

  // Confirm the worst open flag.
  const confirmId = await firstFlagId(page, "status=open");
  await page.goto(`/review/flags/${confirmId}`);
  await page.getByRole("form", { name: "确认" }).getByRole("button", { name: "确认" }).click();
  await expect(page.getByTestId("flag-status")).toHaveText("已确认");

  // Dismiss one: refused without a reason (the message sits by the field), then with one.
  const dismissId = await firstFlagId(page, "status=open&kind=overlapping_function");
  await page.goto(`/review/flags/${dismissId}`);
  const dismiss = page.getByRole("form", { name: "驳回" });
  await dismiss.getByRole("button", { name: "驳回" }).click();
  await expect(dismiss.getByText("必填。")).toBeVisible();
  await dismiss.getByLabel("驳回理由").fill("工作群按用途分开，已核实不重复");
  await dismiss.getByRole("button", { name: "驳回" }).click();
  await expect(page.getByTestId("flag-status")).toHaveText("已驳回");
  await expect(page.getByTestId("flag-history")).toContainText("工作群按用途分开");

  // Merge two duplicate channels.
  const pair = await demoCountyDuplicate(browser);
  const mergeId = await firstFlagId(page, `status=open&kind=duplicate_channel&channel=${encodeURIComponent(pair)}`);
  await page.goto(`/review/flags/${mergeId}`);
  const merge = page.getByRole("form", { name: "合并两个渠道" });
  await merge.getByRole("button", { name: "合并两个渠道" }).click();
  await expect(page.getByTestId("flag-status")).toHaveText("已解决");
  await expect(page.getByTestId("flag-history")).toContainText("合并两个渠道");

  // Assign one to its issuer: a deadline in the past is refused, a future one accepted.
  const assignId = await firstFlagId(page, "status=open&kind=policy_conflict");
  await page.goto(`/review/flags/${assignId}`);
  const assign = page.getByRole("form", { name: "交办下达单位整改" });
  await assign.getByLabel("整改期限").fill("2020-01-01");
  await assign.getByRole("button", { name: "交办下达单位整改" }).click();
  await expect(assign.getByText("期限必须晚于今天。")).toBeVisible();
  await assign.getByLabel("整改期限").fill("2099-12-31");
  await assign.getByRole("button", { name: "交办下达单位整改" }).click();
  await expect(page.getByTestId("flag-status")).toHaveText("已确认");
  await page.goto("/review/rectification");
  await expect(page.locator("main")).toContainText("期限 2099-12-31");

  // Resolve one with evidence.
  const resolveId = await firstFlagId(page, "status=open&kind=zombie");
  await page.goto(`/review/flags/${resolveId}`);
  const resolve = page.getByRole("form", { name: "标记为已解决" });
  await resolve.getByLabel("整改情况和依据").fill("已退出该应用，见 2026 年 11 月整改台账");
  await resolve.getByRole("button", { name: "标记为已解决" }).click();
  await expect(page.getByTestId("flag-status")).toHaveText("已解决");

  // Every step is in the audit log (read by the administrator).
  const admin = await browser.newPage();
  await signInByApi(admin.request, "admin");
  const sentences = [
    [`确认了研判标记 #${confirmId}`, confirmId],
    [`驳回了研判标记 #${dismissId}`, dismissId],
    [`通过研判标记 #${mergeId} 合并了两个渠道`, mergeId],
    [`把研判标记 #${assignId} 交办给下达单位整改`, assignId],
    [`把研判标记 #${resolveId} 标为已解决`, resolveId],
  ] as const;
  for (const [sentence, id] of sentences) {
    await admin.goto(`/admin/audit?entity=flag&entityId=${id}`);
    await expect(admin.getByTestId("audit-entries"), sentence).toContainText(sentence);
  }
  await expect(admin.getByTestId("audit-entries")).toContainText("理由：已退出该应用");
  await admin.goto("/admin/audit?kind=channel");
  await expect(admin.getByTestId("audit-entries")).toContainText(new RegExp(`合并了渠道 “${pair}(APP)?”`));
  await expect(admin.getByTestId("audit-entries")).toContainText(new RegExp(`保留的渠道：${pair}(APP)?；`));
  await admin.close();
});

test("a reviewer cannot see or decide flags outside their jurisdiction, whatever id they send", async ({
  signInAs,
  browser,
}) => {
  test.setTimeout(180_000);
  // An administrator adds a county elsewhere with a duplicate pair and mandates: flags outside the demo county.
  const admin = await browser.newPage();
  await signInByApi(admin.request, "admin");
  const x = `X${randomBytes(3).toString("hex")}`;
  const files = {
    units: `code,name,level,parent_code\n${x},外县${x},county,\n${x}-D,外县部门${x},department,${x}\n${x}-V,外村${x},village,${x}\n`,
    channels: `name,kind,operator,platform_id,aliases,purpose\n外县通${x},app,${x}-D,,,reporting\n外县通${x}APP,app,${x}-D,,,reporting\n`,
    mandates: `issuer_code,unit_code,channel,actions,assessment_linked,ranking,quota,since,document\n${x}-D,${x}-V,外县通${x},install|checkin,true,false,,2026-01-01,\n`,
  };
  for (const [kind, body] of Object.entries(files)) {
    const response = await admin.request.post(`/api/admin/import?kind=${kind}`, { data: body, headers: ORIGIN });
    expect(await response.text(), kind).toContain('"applied":true');
  }
  const foreign = [
    await firstFlagId(admin, `kind=duplicate_channel&unit=${x}`),
    await firstFlagId(admin, `kind=policy_conflict&unit=${x}`),
  ];
  await admin.close();

  const page = await signInAs("reviewer");
  for (const id of foreign) {
    const response = await page.goto(`/review/flags/${id}`);
    expect(response?.status(), `flag page ${id}`).toBe(404);
  }
  await page.goto(`/review?unit=${x}&status=all`);
  await expect(page.getByText("没有符合条件的研判标记。")).toBeVisible();

  // Each decision form of a flag in the jurisdiction, re-aimed at a foreign id: refused, nothing changes.
  const own = await firstFlagId(
    page,
    `status=open&kind=duplicate_channel&channel=${encodeURIComponent(await demoCountyDuplicate(browser))}`,
  );
  const forms = ["确认", "驳回", "提出处理建议", "交办下达单位整改", "标记为已解决", "合并两个渠道"];
  for (const name of forms) {
    for (const id of foreign) {
      await page.goto(`/review/flags/${own}`);
      const form = page.getByRole("form", { name });
      await form
        .locator('input[name="flagId"]')
        .evaluate((el, value) => ((el as HTMLInputElement).value = value), String(id));
      for (const [field, value] of [
        ["reason", "x"],
        ["evidence", "x"],
        ["issuer", "339900-D01"],
        ["deadline", "2099-01-01"],
      ] as const) {
        const input = form.locator(`[name="${field}"]`);
        // The department is picked by name: the form carries its code in a hidden field.
        if (await input.count())
          await ((await input.getAttribute("type")) === "hidden"
            ? input.evaluate((el, v) => ((el as HTMLInputElement).value = v), value)
            : input.fill(value));
      }
      await form.getByRole("button", { name }).click();
      await expect(form.getByText(/找不到该记录/), `${name} on #${id}`).toBeVisible();
    }
  }
  // The bulk form too.
  await page.goto("/review?status=open");
  const bulk = page.getByRole("form", { name: "批量处理选中的标记" });
  // Checked first: React restores a checkbox's value on its change event.
  await bulk.locator('input[name="flagIds"]').first().check();
  await bulk
    .locator('input[name="flagIds"]')
    .first()
    .evaluate((el, value) => ((el as HTMLInputElement).value = value), String(foreign[0]));
  await bulk.getByRole("button", { name: "应用到选中项" }).click();
  await expect(bulk.getByTestId("bulk-message")).toContainText("找不到该记录");

  // Nothing changed on the foreign flags.
  const check = await browser.newPage();
  await signInByApi(check.request, "admin");
  for (const id of foreign) {
    await check.goto(`/review/flags/${id}`);
    await expect(check.getByTestId("flag-status")).toHaveText("待处理");
    await expect(check.getByText("尚无处理记录。")).toBeVisible();
  }
  await check.close();
});
