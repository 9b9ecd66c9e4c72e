import { execFileSync } from "node:child_process";
import fs from "node:fs";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

/** The text of the page as Chromium prints it to an A4 PDF (what "save as PDF" gives), read with pdftotext. */
async function printedText(page: Page, file: string): Promise<string> {
  await page.emulateMedia({ media: "print" });
  fs.writeFileSync(file, await page.pdf({ format: "A4", preferCSSPageSize: true }));
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
}

test("a rectification notice to a department prints on A4 with its items, deadlines, the rules cited, the office and the date", async ({
  signInAs,
}, testInfo) => {
  const page = await signInAs("reviewer");
  await page.goto("/review?status=open&kind=policy_conflict");
  const href = await page.locator('main a[href^="/review/flags/"]').first().getAttribute("href");
  expect(href, "an open policy conflict in the demo county").toBeTruthy();
  await page.goto(href!);
  const explanation = (await page.locator("main p").first().textContent())!.trim();
  const assign = page.getByRole("form", { name: "交办下达单位整改" });
  await assign.getByLabel("整改期限").fill("2099-11-30");
  await assign.getByRole("button", { name: "交办下达单位整改" }).click();
  await expect(page.getByTestId("flag-status")).toHaveText("已确认");

  await page.goto("/review/rectification");
  // A department's group (the page itself is a section too, holding all of them).
  const group = page.locator("main section[aria-label]", { hasText: "期限 2099-11-30" }).first();
  const department = (await group.locator("h2").textContent())!.replace(/\s*\(.*\)\s*$/, "").trim();
  await group.getByRole("link", { name: "整改通知书（可打印）" }).click();
  await expect(page.getByRole("heading", { name: "整改通知书" })).toBeVisible();
  await expect(page.getByRole("button", { name: "打印 / 另存为 PDF" })).toBeVisible();

  const text = (await printedText(page, testInfo.outputPath("notice.pdf"))).replace(/[ \t]+/g, " ");
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10).split("-").map(Number);
  for (const expected of [
    "整改通知书",
    `${department}：`,
    "2099-11-30",
    "所依据的规定",
    "清河县",
    `${today[0]}年${today[1]}月${today[2]}日`,
  ])
    expect(text.replace(/\s+/g, ""), `the printed notice says ${expected}`).toContain(expected.replace(/\s+/g, ""));
  expect(text.replace(/\s+/g, "")).toContain(explanation.replace(/\s+/g, "").slice(0, 12));
  expect(text, "the page's controls and the site's header are not printed").not.toMatch(
    /打印 \/ 另存为 PDF|返回整改跟踪|退出登录/,
  );
  expect(execFileSync("pdfinfo", [testInfo.outputPath("notice.pdf")], { encoding: "utf8" })).toMatch(/A4/);
});

/** The figure under a headline's label on the review overview. */
async function stat(page: Page, label: string): Promise<number> {
  const value = await page
    .locator("dl > div", { has: page.locator("dt", { hasText: label }) })
    .locator("dd")
    .textContent();
  return Number(value!.replace(/[^\d]/g, ""));
}

test("a unit's burden report prints its channels, who requires them and what was found, without any small group's or one person's figures", async ({
  signInAs,
}, testInfo) => {
  const page = await signInAs("reviewer");
  await page.goto("/review");
  await expect(page.getByRole("link", { name: "打印文件" })).toHaveAttribute("href", "/review/documents");
  await page.goto("/review/documents");
  await page.getByLabel("单位", { exact: true }).fill("前园");
  await page.getByRole("list", { name: "单位" }).getByRole("button", { name: "前园村（城关镇）" }).click();
  await page.getByRole("button", { name: "生成报告" }).click();
  await expect(page.getByRole("heading", { name: "关于城关镇前园村“指尖上的形式主义”负担情况的报告" })).toBeVisible();

  // Every line's head count is a group of at least five or says it is fewer; its hours only with the count.
  const rows = page.getByRole("table").first().locator("tbody tr");
  expect(await rows.count(), "the channels the village is required to use").toBeGreaterThan(0);
  for (const row of await rows.all()) {
    const [staff, hours] = [await row.locator("td").nth(4).textContent(), await row.locator("td").nth(5).textContent()];
    if (staff === "少于5人" || staff === "0") expect(hours).toBe("—");
    else expect(Number(staff)).toBeGreaterThanOrEqual(5);
  }
  await expect(page.getByRole("table").first()).toContainText("县民政局");

  const text = (await printedText(page, testInfo.outputPath("unit.pdf"))).replace(/\s+/g, "");
  for (const expected of ["负担情况的报告", "应用、工作群和账号", "要求部门", "发现的问题", "清河县"])
    expect(text, `the printed report says ${expected}`).toContain(expected);
  // The review pages show each person's overload; the printed page counts them instead.
  expect(text).not.toMatch(/一名工作人员：\d+个渠道/);
  expect(text).toContain("名工作人员个人的情况");
  expect(text).not.toMatch(/打印\/另存为PDF|返回打印文件|退出登录/);
});

test("a region's clean-up report prints where each township stands, with the totals the review overview shows", async ({
  signInAs,
}, testInfo) => {
  const page = await signInAs("reviewer");
  await page.goto("/review");
  const outstanding = (await stat(page, "待处理研判标记")) + (await stat(page, "已确认"));
  await page.goto("/review/documents");
  // No region picked: the reviewer's whole jurisdiction.
  await page.getByRole("button", { name: "生成通报" }).click();
  await expect(page.getByRole("heading", { name: "关于清河县“指尖减负”清理整治情况的通报" })).toBeVisible();
  await expect(page.getByRole("article")).toContainText(`尚有 ${outstanding} 项问题待整改`);

  const parts = page.getByRole("table").first();
  for (const township of ["城关镇", "青石镇", "柳溪乡", "白沙镇", "桃源乡"])
    await expect(parts).toContainText(township);
  // The parts add up to the total line.
  const column = async (n: number) =>
    (await parts.locator("tbody tr").evaluateAll((trs, i) => trs.map((tr) => tr.children[i]!.textContent), n)).map(
      Number,
    );
  const waiting = await column(2);
  expect(waiting.at(-1)).toBe(outstanding);
  expect(waiting.slice(0, -1).reduce((a, b) => a + b, 0)).toBe(outstanding);

  const text = (await printedText(page, testInfo.outputPath("region.pdf"))).replace(/\s+/g, "");
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10).split("-").map(Number);
  for (const expected of [
    "清理整治情况的通报",
    "各地区情况",
    "按问题类型",
    "逾期未整改的部门",
    `${today[0]}年${today[1]}月${today[2]}日`,
  ])
    expect(text, `the printed report says ${expected}`).toContain(expected);

  // A township's own report holds its villages.
  await page.goto("/review/documents");
  await page.getByLabel("地区（不选则为您的全部辖区）").fill("青石");
  await page
    .getByRole("list", { name: "地区（不选则为您的全部辖区）" })
    .getByRole("button", { name: "青石镇（清河县）" })
    .click();
  await page.getByRole("button", { name: "生成通报" }).click();
  await expect(page.getByRole("heading", { name: "关于青石镇“指尖减负”清理整治情况的通报" })).toBeVisible();
  await expect(page.getByRole("table").first()).toContainText("石桥村");
});

test("a unit outside the reviewer's jurisdiction gets no report, as an unknown one", async ({ signInAs }) => {
  const page = await signInAs("reviewer");
  for (const address of [
    "/review/documents/unit?unit=339000-D02",
    "/review/documents/unit?unit=nope",
    "/review/documents/region?region=339000",
  ]) {
    await page.goto(address);
    await expect(page.getByText("在您的辖区内找不到这个单位或地区。")).toBeVisible();
    await expect(page.getByRole("table")).toHaveCount(0);
  }
});
