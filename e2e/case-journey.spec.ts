import { randomBytes } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import { expect, signInByApi, SITE, test } from "./fixtures";

/*
 * Issue 17: a reviewer works twenty cases as on a working day — claims them, hands some to a
 * colleague, decides each case's findings together (dismiss, confirm, assign to a department picked
 * by name) and merges a pair of duplicate channels — at the width of a phone and of a desk.
 */

/** A fresh pair of duplicate channels of the demo county (so the journey does not depend on which pairs other specs merged). */
async function freshDuplicatePair(browser: Browser): Promise<string> {
  const admin = await browser.newPage();
  await signInByApi(admin.request, "admin");
  const name = `事项测试通${randomBytes(3).toString("hex")}`;
  const body = `name,kind,operator,platform_id,aliases,purpose\n${name},app,339900-D03,,,reporting\n${name}APP,app,339900-D03,,,reporting\n`;
  const response = await admin.request.post("/api/admin/import?kind=channels", {
    data: body,
    headers: { origin: SITE },
  });
  expect(await response.text()).toContain('"applied":true');
  await admin.close();
  return name;
}

async function fitsTheScreen(page: Page) {
  const [scroll, width] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  expect(scroll, "no sideways scrolling").toBeLessThanOrEqual(width);
}

/** Applies one decision to every finding of the open case. */
async function decideAll(page: Page, decision: string, fill: (page: Page) => Promise<void>) {
  await page.getByLabel("处理决定").selectOption(decision);
  await fill(page);
  await page.getByRole("button", { name: "应用到选中项" }).click();
  if (decision === "dismiss") {
    // Every finding closed: the case is done and leaves the list.
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("这个事项没有待处理的标记");
  } else {
    await expect(page.getByTestId("bulk-message")).toContainText(/已处理 \d+ 条/);
    await expect(page.locator("main").getByText("已确认").first()).toBeVisible();
  }
}

test("a reviewer works twenty cases: claim, hand over, bulk decisions, a department picked by name, a merge", async ({
  signInAs,
  browser,
}, testInfo) => {
  test.setTimeout(300_000);
  const pair = await freshDuplicatePair(browser);
  const page = await signInAs("reviewer");

  // The merge: the new pair is found by name, and merged from its finding.
  await page.goto(`/review/cases?q=${encodeURIComponent(pair)}`);
  await page.getByRole("link", { name: new RegExp(`重复渠道：${pair}`) }).click();
  await page.getByRole("button", { name: "由我负责" }).click();
  await expect(page.getByTestId("case-owner")).toHaveText("负责人：县纪委督查员");
  await page.locator('main a[href^="/review/flags/"]').first().click();
  const merge = page.getByRole("form", { name: "合并两个渠道" });
  await merge.getByLabel(`留下“${pair}”，撤下“${pair}APP”（并入前者，名称作为别名）`).check();
  await merge.getByRole("button", { name: "合并两个渠道" }).click();
  await expect(page.getByTestId("flag-status")).toHaveText("已解决");
  // The history says which channel stayed and which went, in words.
  await expect(page.getByTestId("flag-history")).toContainText(`已合并：“${pair}APP”并入“${pair}”。`);
  let worked = 1;

  while (worked < 20) {
    await page.goto("/review/cases?show=unowned");
    const first = page.getByRole("list", { name: "研判事项" }).getByRole("link").first();
    const title = (await first.locator("span").first().textContent())!;
    await first.click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    if (worked === 1) {
      await fitsTheScreen(page);
      await page.screenshot({ path: testInfo.outputPath("case.png"), fullPage: true });
    }
    if (worked % 5 === 4) {
      // Handed to a colleague found by name; the case leaves the unclaimed list but is not decided.
      await page.getByLabel("同事", { exact: true }).fill("管理");
      await page
        .getByRole("list", { name: "同事" })
        .getByRole("button", { name: /系统管理员/ })
        .click();
      await page.getByRole("button", { name: "交给同事" }).click();
      await expect(page.getByTestId("case-owner")).toHaveText("负责人：系统管理员");
    } else {
      await page.getByRole("button", { name: "由我负责" }).click();
      await expect(page.getByTestId("case-owner")).toHaveText("负责人：县纪委督查员");
      if (worked % 3 === 0) {
        // A rectification for a department chosen by name and pinyin initials, not by code.
        await decideAll(page, "assign", async (p) => {
          const chosen = p.getByTestId("issuer-chosen");
          if (await chosen.isVisible()) await chosen.getByRole("button").click();
          await p.getByLabel("整改部门", { exact: true }).fill("xwzzb");
          await p.getByRole("list", { name: "整改部门" }).getByRole("button", { name: "县委组织部（清河县）" }).click();
          await p.getByLabel("整改期限").fill("2099-06-30");
        });
      } else if (worked % 3 === 1) {
        await decideAll(page, "dismiss", (p) => p.getByLabel(/^理由/).fill("已核实：村里已不再要求"));
      } else {
        await decideAll(page, "confirm", async () => {});
      }
    }
    worked++;
  }

  // The reviewer's own list holds what they claimed and did not close; the colleague's cases are theirs.
  await page.goto("/review/cases?show=mine");
  await expect(page.getByTestId("case-count")).toContainText(/共 \d+ 个事项/);
  await fitsTheScreen(page);
  await page.screenshot({ path: testInfo.outputPath("mine.png"), fullPage: true });
  await page.goto("/review/rectification");
  await expect(page.locator("main")).toContainText("县委组织部");
  await expect(page.locator("main")).toContainText("2099-06-30");
});
