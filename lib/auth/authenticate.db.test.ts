import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createUnit, createUser } from "@/lib/testing/fixtures";
import { authenticate } from "./authenticate";
import { loadSessionUser } from "./session-user";

describe("signing in", () => {
  it("accepts the right password and refuses a wrong one", async () => {
    const user = await createUser({ password: "right-password" });
    expect(await authenticate({ login: user.login, password: "right-password" })).toMatchObject({ login: user.login, role: "STAFF" });
    expect(await authenticate({ login: user.login, password: "wrong-password" })).toBeNull();
    expect(await authenticate({ login: "no-such-login", password: "x" })).toBeNull();
  });

  it("refuses malformed input without touching the database", async () => {
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
