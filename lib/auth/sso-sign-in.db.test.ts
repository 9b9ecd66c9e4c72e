import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createUnit, createUser } from "@/testing/fixtures";
import { ssoSettings } from "./sso-settings";
import { ssoSignIn } from "./sso-sign-in";

const settings = ssoSettings({
  FINGERTIP_OIDC_ISSUER: "https://idp.example.gov.cn/",
  FINGERTIP_OIDC_CLIENT_ID: "fingertip",
  FINGERTIP_OIDC_CLIENT_SECRET: "secret",
  FINGERTIP_OIDC_UNIT_CLAIM: "org",
})!;
let village = "";
let adminLogin = "";
let staffLogin = "";
const claims = (sub: string, login: string, org?: string) => ({
  sub,
  preferred_username: login,
  org: org ?? village,
  name: "某人",
});

beforeAll(async () => {
  village = (await createUnit({ name: "SSO Village" })).code;
  adminLogin = (await createUser({ role: "ADMIN", password: "a long password here" })).login;
  staffLogin = (await createUser({ password: "a long password here" })).login;
});

describe("single sign-on", () => {
  it("is off without an issuer, client id and secret", () => {
    expect(ssoSettings({ FINGERTIP_OIDC_ISSUER: "https://idp" })).toBeNull();
    expect(settings).toMatchObject({
      issuer: "https://idp.example.gov.cn",
      loginClaim: "preferred_username",
      approveAtOnce: false,
    });
  });

  it("links an existing staff account by its login once; another identity cannot take it over", async () => {
    const first = await ssoSignIn(settings, claims("s-1", staffLogin));
    expect(first.ok).toBe(true);
    const db = await getDb();
    expect(await db.user.findUniqueOrThrow({ where: { login: staffLogin } })).toMatchObject({
      role: "STAFF",
      oidcSubject: "https://idp.example.gov.cn#s-1",
    });
    expect(await ssoSignIn(settings, claims("s-1", "renamed-at-idp"))).toMatchObject({ ok: true });
    expect(await ssoSignIn(settings, claims("s-2", staffLogin))).toEqual({ ok: false, reason: "sso_taken" });
  });

  it("never links an administrator's account by a claim, nor a login with spaces around it", async () => {
    expect(await ssoSignIn(settings, claims("s-8", adminLogin))).toEqual({ ok: false, reason: "sso_privileged" });
    expect(await ssoSignIn(settings, claims("s-9", ` ${staffLogin}`))).toEqual({ ok: false, reason: "sso_no_login" });
    const db = await getDb();
    expect((await db.user.findUniqueOrThrow({ where: { login: adminLogin } })).oidcSubject).toBeNull();
    expect(await ssoSignIn({ ...settings, unitClaim: null }, claims("s-10", "nobody-here"))).toEqual({
      ok: false,
      reason: "sso_no_account",
    });
  });

  it("makes a disabled staff account in the claimed unit for an administrator to approve; an unknown unit is refused", async () => {
    expect(await ssoSignIn(settings, claims("s-3", "newcomer"))).toEqual({ ok: false, reason: "sso_pending" });
    const db = await getDb();
    const made = await db.user.findUniqueOrThrow({ where: { login: "newcomer" }, include: { unit: true } });
    expect(made).toMatchObject({ role: "STAFF", disabled: true, name: "某人" });
    expect(made.unit?.code).toBe(village);
    expect(await ssoSignIn(settings, claims("s-3", "newcomer"))).toEqual({ ok: false, reason: "sso_disabled" });
    await db.user.update({ where: { id: made.id }, data: { disabled: false } });
    expect(await ssoSignIn(settings, claims("s-3", "newcomer"))).toMatchObject({ ok: true, userId: made.id });

    expect(await ssoSignIn(settings, claims("s-4", "stranger", "NOWHERE"))).toEqual({
      ok: false,
      reason: "sso_unknown_unit",
    });
    expect(await db.user.count({ where: { login: "stranger" } })).toBe(0);
    expect(await ssoSignIn(settings, { sub: "s-5" })).toEqual({ ok: false, reason: "sso_no_login" });
    expect(await ssoSignIn(settings, claims("s-6", "bad login!"))).toEqual({ ok: false, reason: "sso_no_login" });
  });

  it("signs a new person in at once when the setting approves at once", async () => {
    const auto = { ...settings, approveAtOnce: true };
    expect(await ssoSignIn(auto, claims("s-7", "auto-approved"))).toMatchObject({ ok: true });
    const db = await getDb();
    expect(await db.auditLog.count({ where: { action: "user.sso_create" } })).toBe(2);
  });
});
