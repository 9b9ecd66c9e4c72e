import fs from "node:fs";
import ExcelJS from "exceljs";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

/** Clicks a download link and opens the workbook it gives. */
async function downloadWorkbook(
  page: Page,
  link: string,
  nth = 0,
): Promise<{ name: string; workbook: ExcelJS.Workbook }> {
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: link }).nth(nth).click();
  const file = await download;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(fs.readFileSync((await file.path())!) as unknown as ArrayBuffer);
  return { name: file.suggestedFilename(), workbook };
}

async function upload(page: Page, workbook: ExcelJS.Workbook, button: "检查（不改动数据）" | "导入") {
  await page.getByLabel("CSV 文件或 Excel 工作簿").setInputFiles({
    name: "units.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: Buffer.from(await workbook.xlsx.writeBuffer()),
  });
  await page.getByRole("button", { name: button, exact: true }).click();
}

test("an admin fills the units template by script, checks it, imports it and gets the same rows back as a workbook", async ({
  signInAs,
}) => {
  const page = await signInAs("admin");
  await page.goto("/admin/import");
  const template = await downloadWorkbook(page, "模板（.xlsx）");
  expect(template.name).toBe("units-template.xlsx");
  expect(template.workbook.worksheets.map((s) => s.name)).toEqual(["单位", "填写说明"]);
  const sheet = template.workbook.worksheets[0]!;
  expect(sheet.getCell("C2").dataValidation.formulae?.[0]).toContain("village");
  const stamp = Date.now().toString(36).slice(-3);
  const rows = [
    [`339900001${stamp}1`, `新园村${stamp}`, "village", "339900001"],
    [`339900001${stamp}2`, `新河社区${stamp}`, "village", "339900001"],
  ];
  rows.forEach((row, i) => (sheet.getRow(i + 2).values = row));

  await page.getByLabel("数据类型").selectOption("units");
  await upload(page, template.workbook, "检查（不改动数据）");
  const summary = page.getByTestId("import-summary");
  await expect(summary).toContainText("检查完毕，尚未改动数据。");
  await expect(summary).toContainText("新增 2");
  await page.getByRole("button", { name: "导入", exact: true }).click();
  await expect(summary).toContainText("已导入。");

  const exported = await downloadWorkbook(page, "Excel（.xlsx）");
  expect(exported.name).toBe("units.xlsx");
  const back = exported.workbook.worksheets[0]!.getSheetValues().map((r) => (Array.isArray(r) ? r.slice(1) : []));
  for (const row of rows) expect(back).toContainEqual(row);
});

test("a workbook with a wrong cell is refused with its sheet, row and column, and changes nothing", async ({
  signInAs,
}) => {
  const page = await signInAs("admin");
  await page.goto("/admin/import");
  const { workbook } = await downloadWorkbook(page, "模板（.xlsx）");
  const sheet = workbook.worksheets[0]!;
  sheet.getRow(2).values = ["339900001981", "甲村", "village", "339900001"];
  sheet.getRow(3).values = ["339900001982", "乙村", "hamlet", "339900001"];
  await page.getByLabel("数据类型").selectOption("units");
  await upload(page, workbook, "检查（不改动数据）");
  const summary = page.getByTestId("import-summary");
  await expect(summary).toContainText("工作表“单位”第 3 行 C 列，层级（level）");
  await expect(summary).toContainText("未做任何改动");
  await page.goto("/admin/units?q=甲村");
  await expect(page.getByText("甲村")).toHaveCount(0);
});
