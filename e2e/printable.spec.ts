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
