import { expect, signInByApi, test } from "./fixtures";
import { sendAction } from "./send-action";

/*
 * Staff open Fingertip from a link in WeChat or 政务微信 (WeChat Work). Their in-app browsers say so
 * in the user agent, block pop-ups and may keep the clipboard and file pickers from a page: every
 * step here is a link, a form or a download, at 360 px.
 */
const AGENTS = {
  微信: "Mozilla/5.0 (Linux; Android 13; V2254A Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160065 MMWEBSDK/20231202 MMWEBID/2247 MicroMessenger/8.0.47.2560(0x28002F30) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64",
  政务微信:
    "Mozilla/5.0 (Linux; Android 12; SM-G9910 Build/SP1A.210812.016; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/107.0.5304.141 Mobile Safari/537.36 wxwork/4.1.16 ColorScheme/Light MicroMessenger/7.0.1 NetType/WIFI Language/zh Lang/zh ABI/arm64",
};

for (const [app, userAgent] of Object.entries(AGENTS)) {
  test.describe(`in ${app}'s browser`, () => {
    test.use({ userAgent, viewport: { width: 360, height: 740 } });

    test(`${app}: an invitation accepted signs the person in, they report a channel, and open data downloads by link`, async ({
      page,
      playwright,
      baseURL,
    }) => {
      const popups: string[] = [];
      page.on("popup", (p) => popups.push(p.url()));
      const admin = await playwright.request.newContext({ baseURL });
      await signInByApi(admin, "admin");
      const created = await sendAction(admin, "createInvitationAction", {
        role: "STAFF",
        unitCode: "339900001002",
        login: "",
      });
      const code = /"code":"([\w-]+)"/.exec(created.body)?.[1];
      expect(code, created.body.slice(-300)).toBeTruthy();

      await page.goto(`/invite/${code}`);
      await page.getByLabel("账号").fill(`wx${Date.now().toString(36)}`);
      await page.getByLabel("姓名").fill("微信用户");
      await page.getByLabel("密码（至少 10 个字符）").fill("wechat-user-2026");
      await page.getByLabel("再次输入密码").fill("wechat-user-2026");
      await page.getByRole("button", { name: "设置账号并登录" }).click();
      await page.waitForURL("**/me");

      await page.getByLabel(/搜索渠道/).fill("xxqg");
      await page.getByRole("button", { name: /^学习强国 / }).click();
      await page.getByRole("button", { name: "30′" }).click();
      await page.getByRole("button", { name: "本月" }).click();
      await page.getByRole("button", { name: "保存" }).click();
      await expect(page.getByTestId("composer-notice")).toHaveText("已保存“学习强国”。");

      await page.goto("/");
      const download = page.waitForEvent("download");
      await page.getByRole("link", { name: "CSV" }).first().click();
      expect((await download).suggestedFilename()).toMatch(/\.csv$/);
      expect(popups, "nothing opens a window of its own").toEqual([]);
      await admin.dispose();
    });
  });
}
