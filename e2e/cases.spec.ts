import { expect, test } from "./fixtures";

/* Issue 17, first part: the reviewer's findings grouped into cases, decided together. */
test("a reviewer opens a case and decides its findings together", async ({ signInAs }, testInfo) => {
  const page = await signInAs("reviewer");
  await page.goto("/review/cases");
  const count = page.getByTestId("case-count");
  const before = Number(/共 (\d+) 个事项/.exec((await count.textContent()) ?? "")?.[1]);
  expect(before).toBeGreaterThan(0);
  await page.screenshot({ path: testInfo.outputPath("cases.png"), fullPage: false });
  const list = page.getByRole("list", { name: "研判事项" });
  // A case of idle use: one channel in one township, decided as a whole.
  const usage = list.getByRole("link", { name: /闲置或一次性使用/ }).first();
  const title = (await usage.locator("span").first().textContent())!;
  await usage.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  const boxes = page.getByRole("checkbox");
  const n = await boxes.count();
  expect(n).toBeGreaterThan(0);
  for (let i = 0; i < n; i++) await expect(boxes.nth(i)).toBeChecked();
  await page.getByLabel("处理决定").selectOption("dismiss");
  await page.getByLabel(/^理由/).fill("已核实，村里已停用");
  await page.getByRole("button", { name: "应用到选中项" }).click();
  // Every finding decided: the case is done.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("这个事项没有待处理的标记");
  await page.goto("/review/cases");
  await expect(count).toContainText(`共 ${before - 1} 个事项`);
  await expect(list.getByRole("link", { name: title })).toHaveCount(0);
});

test("a reviewer filters the queue by a unit and a department picked by name, not typed as codes", async ({
  signInAs,
}) => {
  const page = await signInAs("reviewer");
  await page.goto("/review");
  await page.getByLabel("单位", { exact: true }).fill("城关");
  await page.getByRole("list", { name: "单位" }).getByRole("button", { name: "城关镇（清河县）" }).click();
  await page.getByLabel("下达部门", { exact: true }).fill("xwzzb");
  await page.getByRole("list", { name: "下达部门" }).getByRole("button", { name: "县委组织部（清河县）" }).click();
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(/unit=339900001(&|$)/);
  await expect(page).toHaveURL(/issuer=339900-D01/);
  // The chosen names come back with the page, as a person would read them.
  await expect(page.getByTestId("unit-chosen")).toContainText("城关镇（清河县）");
  await expect(page.getByTestId("issuer-chosen")).toContainText("县委组织部（清河县）");
});
