import fs from "node:fs";
import path from "node:path";
import iconv from "iconv-lite";
import { expect, SITE, test } from "./fixtures";

const SAMPLE = path.join(import.meta.dirname, "data", "sample");

test("an admin checks and imports the sample county ledger from the admin pages, then exports it", async ({
  signInAs,
}, testInfo) => {
  test.setTimeout(120_000);
  const page = await signInAs("admin");
  await page.goto("/admin/import");
  for (const kind of ["units", "channels", "mandates", "reports"]) {
    await page.getByLabel("数据类型").selectOption(kind);
    await page.getByLabel("CSV 文件").setInputFiles(path.join(SAMPLE, `${kind}.csv`));
    await page.getByRole("button", { name: "检查（不改动数据）" }).click();
    const summary = page.getByTestId("import-summary");
    await expect(summary).toContainText("检查完毕，尚未改动数据。", { timeout: 60_000 });
    await page.getByRole("button", { name: "导入", exact: true }).click();
    await expect(summary).toContainText(/已导入。|新增 0/, { timeout: 60_000 });
  }
  await page.screenshot({ path: testInfo.outputPath("import.png"), fullPage: true });
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "CSV" }).first().click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("units.csv");
});

test("a dry run lists the rows that would change, before → after, and downloads all of them", async ({ signInAs }) => {
  const page = await signInAs("admin");
  await page.goto("/admin/import");
  await page.getByLabel("数据类型").selectOption("channels");
  const fresh = `预览新渠道${Date.now().toString(36)}`;
  await page.getByLabel("CSV 文件").setInputFiles({
    name: "channels.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(
      `name,kind,operator,platform_id,aliases,purpose\n${fresh},app,,,,reporting\n钉钉,app,,,${fresh}别名,communication\n`,
    ),
  });
  await page.getByRole("button", { name: "检查（不改动数据）" }).click();
  const changes = page.getByTestId("import-changes");
  await expect(page.getByTestId("import-summary")).toContainText("将要改动的行（显示前 2 行，共 2 行）");
  await expect(changes.getByRole("listitem").first()).toContainText(`第 2 行 ${fresh} 新增：类型 移动应用`);
  await expect(changes.getByRole("listitem").nth(1)).toContainText(`第 3 行 钉钉 修改：`);
  await expect(changes.getByRole("listitem").nth(1)).toContainText(`→ DingTalk、${fresh}别名`);
  expect(await changes.innerText(), "column names and codes of the file read as words").not.toMatch(
    /\b(kind|aliases|purpose|app|reporting)\b/,
  );
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "下载全部将要改动的行（CSV）" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("channels-changes.csv");
  const text = (await import("node:fs")).readFileSync((await file.path())!, "utf8");
  expect(text).toContain("line,record,column,before,after");
  expect(text).toContain(`3,钉钉,aliases,DingTalk,DingTalk|${fresh}别名`);
  // Nothing was applied.
  await page.goto(`/admin/channels?q=${encodeURIComponent(fresh)}`);
  await expect(page.getByTestId("catalogue-count")).toContainText("共 0 个渠道");
});

test("a CSV that Excel saved in GBK is read as such, with a notice, not refused", async ({ signInAs }) => {
  const page = await signInAs("admin");
  await page.goto("/admin/import");
  await page.getByLabel("数据类型").selectOption("channels");
  const fresh = `国标编码渠道${Date.now().toString(36)}`;
  await page.getByLabel("CSV 文件").setInputFiles({
    name: "channels.csv",
    mimeType: "text/csv",
    buffer: iconv.encode(
      `name,kind,operator,platform_id,aliases,purpose\n${fresh},app,县委办,,${fresh}简称,reporting\n`,
      "gbk",
    ),
  });
  await page.getByRole("button", { name: "检查（不改动数据）" }).click();
  await expect(page.getByTestId("import-encoding")).toContainText("GBK/GB18030");
  await expect(page.getByTestId("import-changes")).toContainText(`${fresh} 新增`);
  await page.getByRole("button", { name: "导入", exact: true }).click();
  await expect(page.getByTestId("import-summary")).toContainText("已导入。", { timeout: 60_000 });
  await page.goto(`/admin/channels?q=${encodeURIComponent(fresh)}`);
  await expect(page.getByTestId("catalogue-count")).toContainText("共 1 个渠道");
});

test("the sample county's units in GBK change nothing after their UTF-8 twin: the same ledger either way", async ({
  signInAs,
}) => {
  const page = await signInAs("admin");
  await page.goto("/admin/import");
  await page.getByLabel("数据类型").selectOption("units");
  const utf8 = fs.readFileSync(path.join(SAMPLE, "units.csv"));
  const check = async (buffer: Buffer) => {
    await page.getByLabel("CSV 文件").setInputFiles({ name: "units.csv", mimeType: "text/csv", buffer });
    await page.getByRole("button", { name: "检查（不改动数据）" }).click();
    await expect(page.getByTestId("import-summary")).toContainText("检查完毕，尚未改动数据。");
  };
  await check(utf8);
  const summary = page.getByTestId("import-summary");
  if (!(await summary.textContent())!.includes("新增 0，修改 0")) {
    await page.getByRole("button", { name: "导入", exact: true }).click();
    await expect(summary).toContainText("已导入。", { timeout: 60_000 });
  }
  await check(iconv.encode(utf8.toString("utf8"), "gbk"));
  await expect(page.getByTestId("import-encoding")).toContainText("GBK/GB18030");
  await expect(summary).toContainText("新增 0，修改 0");
});

test("a bad file is refused with its line numbers and changes nothing", async ({ signInAs }) => {
  const page = await signInAs("admin");
  await page.goto("/admin");
  const units = page.locator("dt", { hasText: "单位" }).first().locator("xpath=following-sibling::dd");
  const before = await units.textContent();
  await page.goto("/admin/import");
  await page.getByLabel("数据类型").selectOption("units");
  await page.getByLabel("CSV 文件").setInputFiles({
    name: "units.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(
      "code,name,level,parent_code\nE2E-1,好的,county,\nE2E-2,坏的,town,E2E-1\nE2E-3,,village,E2E-1\nE2E-4,村,village,NOPE\n",
    ),
  });
  await page.getByRole("button", { name: "检查（不改动数据）" }).click();
  const issues = page.getByTestId("import-issues");
  await expect(issues).toContainText("第 3 行，层级（level）");
  await expect(issues).toContainText("第 4 行，名称（name）");
  await expect(issues).toContainText("第 5 行，上级单位（parent_code）：找不到单位编码：NOPE");
  await expect(page.getByRole("button", { name: "导入", exact: true })).toBeDisabled();
  await page.goto("/admin");
  await expect(units).toHaveText(before!);
});

test("import and export refuse anyone but an admin", async ({ request, signInAs }) => {
  const anonymous = await request.post("/api/admin/import?kind=units&dryRun=1", {
    data: "code,name,level,parent_code\n",
    headers: { origin: SITE },
  });
  expect(anonymous.status()).toBe(401);
  const page = await signInAs("staff");
  const staff = await page.request.post("/api/admin/import?kind=units&dryRun=1", {
    data: "code,name,level,parent_code\n",
    headers: { origin: SITE },
  });
  expect(staff.status()).toBe(403);
  expect((await page.request.get("/api/admin/export/reports")).status()).toBe(403);
  const admin = await signInAs("admin");
  const crossSite = await admin.request.post("/api/admin/import?kind=units&dryRun=1", {
    data: "code,name,level,parent_code\n",
    headers: { origin: "https://evil.example" },
  });
  expect(crossSite.status()).toBe(403);
});

// A province's files run to tens of megabytes: none of it may be lost on the way (a proxy in front
// of the route would cut the body at 10 MB).
test("a 12 MB file reaches the import whole", async ({ signInAs, baseURL }) => {
  const page = await signInAs("admin");
  const rows = Array.from({ length: 20_000 }, (_, i) => `大文件渠道${i},app,,,${"别名".repeat(280)}${i},service`);
  const file = `name,kind,operator,platform_id,aliases,purpose\n${rows.join("\n")}\n`;
  expect(Buffer.byteLength(file)).toBeGreaterThan(12 * 1024 * 1024);
  const response = await page.request.post("/api/admin/import?kind=channels&dryRun=1", {
    data: file,
    headers: { Origin: baseURL!, "Content-Type": "text/csv" },
  });
  const summary = (await response.text()).trim().split("\n").at(-1)!;
  expect(JSON.parse(summary)).toMatchObject({ summary: { rows: 20_000, applied: false } });
});
