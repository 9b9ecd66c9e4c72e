import { randomBytes } from "node:crypto";
import { expect, test } from "./fixtures";

test("an admin adds a unit under a township, renames it, and finds both changes in the audit log", async ({ signInAs }) => {
  const page = await signInAs("admin");
  const code = `E2E${randomBytes(3).toString("hex")}`;
  await page.goto("/admin/units?q=339900001");
  await page.getByLabel("编码", { exact: true }).fill(code);
  await page.getByLabel("名称", { exact: true }).last().fill("新建村");
  const create = page.getByRole("form", { name: "新建单位" });
  await create.getByLabel(/^上级单位/).fill("339900001");
  await create.getByRole("button", { name: "城关镇（清河县）" }).click();
  await page.getByRole("button", { name: "添加" }).click();
  await expect(page.getByRole("form", { name: "新建单位" }).getByText("已保存。")).toBeVisible();
  await page.goto(`/admin/units?q=${code}`);
  const row = page.getByRole("form", { name: code });
  await row.getByLabel("名称").fill("改名村");
  await row.getByRole("button", { name: "保存" }).click();
  await expect(row.getByText("已保存。")).toBeVisible();
  await page.goto("/admin/audit?entity=unit");
  await expect(page.locator("tbody tr").first()).toContainText("unit.update");
  await expect(page.locator("tbody")).toContainText(code);
});

test("a unit cannot be moved under its own subtree; the message sits by the field", async ({ signInAs }) => {
  const page = await signInAs("admin");
  await page.goto("/admin/units?q=339900001");
  const row = page.getByRole("form", { name: "339900001", exact: true });
  // The new parent is picked from the list (found here by its code), not typed.
  await row.getByText("重新选择").click();
  await row.getByLabel(/^上级单位/).fill("339900001001");
  await row.getByRole("button", { name: /^前园村（/ }).click();
  await row.getByRole("button", { name: "保存" }).click();
  await expect(row.getByText("不能移到它自己的下级单位之下。")).toBeVisible();
});

test("renaming a channel keeps its old name as an alias, so staff still find it", async ({ signInAs }) => {
  const page = await signInAs("admin");
  await page.goto("/admin/channels?q=城关镇党建工作群");
  const form = page.locator("main form[aria-label]").first();
  const old = await form.getByLabel("名称", { exact: true }).inputValue();
  const name = `城关镇党建群${randomBytes(2).toString("hex")}`;
  await form.getByLabel("名称", { exact: true }).fill(name);
  await form.getByRole("button", { name: "保存" }).click();
  // The list is sorted by name, so after the rename the entry is found by its new name.
  await expect(page.getByRole("form", { name }).getByText("已保存。")).toBeVisible();
  await page.goto(`/admin/channels?q=${encodeURIComponent(name)}`);
  await expect(page.getByText(/别名：/)).toContainText(old);
});
