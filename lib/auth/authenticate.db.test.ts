import { describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import { createUnit, createUser } from "@/testing/fixtures";
import { authenticate } from "./authenticate";
import { loadSessionUser } from "./session-user";
import { ADDRESS_LIMIT } from "./sign-in-throttle";

// Counts the password checks (scrypt, the slow part of an attempt).
const checks = vi.hoisted(() => ({ count: 0 }));
vi.mock("./password", async (original) => {
  const actual = await original<typeof import("./password")>();
  return {
    ...actual,
    verifyPassword: (...args: Parameters<typeof actual.verifyPassword>) => (
      checks.count++,
      actual.verifyPassword(...args)
    ),
  };
});

describe("signing in", () => {
  it("accepts the right password and refuses a wrong one", async () => {
    const user = await createUser({ password: "right-password" });
    expect(await authenticate({ login: user.login, password: "right-password" })).toMatchObject({
      login: user.login,
      role: "STAFF",
    });
    expect(await authenticate({ login: user.login, password: "wrong-password" })).toBeNull();
    expect(await authenticate({ login: "no-such-login", password: "x" })).toBeNull();
  });

  it("refuses malformed input", async () => {
    expect(await authenticate({ login: "", password: "x" })).toBeNull();
    expect(await authenticate({ login: ["a"], password: 1 })).toBeNull();
    expect(await authenticate({ login: "x".repeat(1000), password: "x" })).toBeNull();
    expect(await authenticate(null)).toBeNull();
  });

  it("refuses disabled accounts and accounts without a password (imported, not activated)", async () => {
    const disabled = await createUser({ password: "pw-123456", disabled: true });
    const inactive = await createUser();
    expect(await authenticate({ login: disabled.login, password: "pw-123456" })).toBeNull();
    expect(await authenticate({ login: inactive.login, password: "" })).toBeNull();
  });

  it("locks an account after five failures, even for the right password, then lets it in later", async () => {
    const user = await createUser({ password: "right-password" });
    const now = new Date();
    for (let i = 0; i < 5; i++) await authenticate({ login: user.login, password: "nope" }, now);
    expect(await authenticate({ login: user.login, password: "right-password" }, now)).toBeNull();
    const later = new Date(now.getTime() + 16 * 60_000);
    expect(await authenticate({ login: user.login, password: "right-password" }, later)).not.toBeNull();
  });
});

// Finding 11 of issue 15: an unknown or locked login was answered in 10 ms, a wrong password in 47 ms.
describe("the work of a sign-in attempt", () => {
  it("is one password check whether the login exists, is disabled, locked, not activated, or the address refused", async () => {
    const now = new Date();
    const wrong = await createUser({ password: "right-password" });
    const disabled = await createUser({ password: "right-password", disabled: true });
    const inactive = await createUser();
    const locked = await createUser({ password: "right-password" });
    for (let i = 0; i < 5; i++) await authenticate({ login: locked.login, password: "nope" }, now);
    const tries: [string, unknown, string?][] = [
      ["wrong password", { login: wrong.login, password: "nope" }],
      ["unknown login", { login: "no-such-login-at-all", password: "nope" }],
      ["disabled", { login: disabled.login, password: "right-password" }],
      ["not activated", { login: inactive.login, password: "right-password" }],
      ["locked", { login: locked.login, password: "right-password" }],
      ["malformed", { login: "", password: "" }],
    ];
    const blockedAddress = "203.0.113.9";
    for (let i = 0; i < ADDRESS_LIMIT; i++)
      await authenticate({ login: "no-such-login-at-all", password: "x" }, now, blockedAddress);
    tries.push(["address refused", { login: wrong.login, password: "right-password" }, blockedAddress]);
    for (const [what, input, address] of tries) {
      checks.count = 0;
      expect(await authenticate(input, now, address), what).toBeNull();
      expect(checks.count, what).toBe(1);
    }
  });
});

// Rule: sign-out, disabling and role changes take effect at once, whatever the token says.
describe("session re-check", () => {
  it("reads role and unit from the database, not from the token", async () => {
    const unit = await createUnit();
    const user = await createUser({ password: "pw-123456", unitId: unit.id });
    const token = { uid: user.id, sv: user.sessionVersion };
    expect(await loadSessionUser(token)).toMatchObject({ role: "STAFF", unitId: unit.id });
    const db = await getDb();
    await db.user.update({ where: { id: user.id }, data: { role: "REVIEWER" } });
    expect(await loadSessionUser(token)).toMatchObject({ role: "REVIEWER" });
  });

  it("drops sessions of disabled users and sessions older than a sign-out", async () => {
    const db = await getDb();
    const user = await createUser({ password: "pw-123456" });
    const token = { uid: user.id, sv: user.sessionVersion };
    await db.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
    expect(await loadSessionUser(token)).toBeNull();
    const other = await createUser({ password: "pw-123456" });
    await db.user.update({ where: { id: other.id }, data: { disabled: true } });
    expect(await loadSessionUser({ uid: other.id, sv: other.sessionVersion })).toBeNull();
    expect(await loadSessionUser({ uid: "1 OR 1=1", sv: 1 })).toBeNull();
    expect(await loadSessionUser(null)).toBeNull();
  });
});
