import { randomBytes } from "node:crypto";
import { expect, signInByApi, test } from "./fixtures";
import { sendAction } from "./send-action";

test("an admin adds a unit under a township, renames it, and finds both changes in the audit log", async ({
  signInAs,
}) => {
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
  // The log reads as sentences: who changed which unit, and what changed.
  const entries = page.getByTestId("audit-entries").getByRole("listitem");
  await expect(entries.first()).toContainText("修改了单位 改名村");
  await expect(entries.first()).toContainText("→ 改名村");
  await expect(page.getByTestId("audit-entries")).toContainText(`编码：${code}`);
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
  // The catalogue is a table; each channel is edited on its own page.
  await page.getByRole("table").getByRole("link").first().click();
  const form = page.locator("main form[aria-label]").first();
  const old = await form.getByLabel("名称", { exact: true }).inputValue();
  const name = `城关镇党建群${randomBytes(2).toString("hex")}`;
  await form.getByLabel("名称", { exact: true }).fill(name);
  await form.getByRole("button", { name: "保存" }).click();
  await expect(page.getByRole("form", { name }).getByText("已保存。")).toBeVisible();
  await page.goto(`/admin/channels?q=${encodeURIComponent(name)}`);
  await expect(page.getByRole("table").getByText(/别名：/)).toContainText(old);
});

test("channels proposed by staff wait in a queue: one merged into a channel picked by name, one turned down with a reason", async ({
  signInAs,
  browser,
}) => {
  const staff = await browser.newPage();
  await signInByApi(staff.request, "staff");
  const names = [
    `学习强国新版${randomBytes(2).toString("hex")}`,
    `无用测试群${randomBytes(2).toString("hex")}`,
  ] as const;
  for (const name of names) {
    const reply = await sendAction(staff.request, "proposeChannelAction", { name, kind: "app" });
    expect(reply.ok, reply.body.slice(-200)).toBe(true);
  }
  await staff.close();
  const page = await signInAs("admin");
  await page.goto("/admin/channels?proposed=1");
  const table = page.getByRole("table");
  for (const name of names) await expect(table.getByRole("row", { name: new RegExp(name) })).toContainText("待审核");

  await table.getByRole("link", { name: names[0] }).click();
  await expect(page.getByText(/由.+于 \d{4}-\d{2}-\d{2} 提交。/)).toBeVisible();
  const merge = page.getByRole("form", { name: "并入已有渠道" });
  await merge.getByLabel(`“${names[0]}”其实是哪个已有渠道？`).fill("xxqg");
  await merge.getByRole("button", { name: "学习强国", exact: true }).click();
  await merge.getByRole("button", { name: "并入已有渠道" }).click();
  await expect(page.getByText("已并入“学习强国”。").first()).toBeVisible();

  await page.goto("/admin/channels?proposed=1");
  await page.getByRole("table").getByRole("link", { name: names[1] }).click();
  const reject = page.getByRole("form", { name: "不予收录" });
  await reject.getByRole("button", { name: "不予收录" }).click();
  await expect(reject.getByText("必填。")).toBeVisible();
  await reject.getByLabel("不予收录的理由").fill("不是政务渠道，属个人聊天群");
  await reject.getByRole("button", { name: "不予收录" }).click();
  await expect(page.getByText("未通过审核：不是政务渠道，属个人聊天群")).toBeVisible();

  // Neither waits any more; the merged name is now an alias of the channel that stays.
  await page.goto("/admin/channels?proposed=1");
  for (const name of names) await expect(page.getByRole("link", { name })).toHaveCount(0);
  await page.goto(`/admin/channels?q=${encodeURIComponent(names[0])}`);
  await expect(
    page
      .getByRole("table")
      .getByRole("row", { name: /学习强国/ })
      .first(),
  ).toContainText(names[0]);
});
