import { describe, expect, it } from "vitest";
import { CLI_ACTOR, type Actor } from "@/lib/auth/actor";
import { authenticate } from "@/lib/auth/authenticate";
import { loadSessionUser } from "@/lib/auth/session-user";
import { getDb } from "@/lib/db/client";
import { createUnit, createUser, uid } from "@/testing/fixtures";
import { updateUser } from "@/lib/users/users";
import { acceptInvitationSchema } from "@/lib/users/user.validation";
import { acceptInvitation, createInvitation, describeInvitation } from "./invitations";

describe("invitations", () => {
  // Finding 12 of issue 15: the password was hashed before the code was checked, and wrong codes had no limit.
  it("refuses an address that sends too many wrong codes, even with a right one, while others get in", async () => {
    const unit = await createUnit();
    const { code } = await createInvitation(CLI_ACTOR, { role: "STAFF", unitCode: unit.code, login: null });
    const guesser = "198.51.100.7";
    for (let i = 0; i < 10; i++) {
      await expect(
        acceptInvitation(
          { code: `${"g".repeat(20)}${i}xyz`, login: uid("guess"), name: "x", password: "a-long-pass-phrase" },
          new Date(),
          guesser,
        ),
      ).rejects.toThrow("not_found");
    }
    await expect(
      acceptInvitation({ code, login: uid("guess"), name: "x", password: "a-long-pass-phrase" }, new Date(), guesser),
    ).rejects.toThrow("too_many_attempts");
    expect(await describeInvitation(code)).not.toBeNull();
    const login = uid("honest");
    await acceptInvitation({ code, login, name: "新同事", password: "a-long-pass-phrase" }, new Date(), "198.51.100.8");
    const db = await getDb();
    expect(await db.user.count({ where: { login: { startsWith: "guess" } } })).toBe(0);
    expect(await db.user.count({ where: { login } })).toBe(1);
  });

  it("an invited staff member sets their own password once; the code then stops working", async () => {
    const unit = await createUnit();
    const { code } = await createInvitation(CLI_ACTOR, { role: "STAFF", unitCode: unit.code, login: null });
    expect(await describeInvitation(code)).toMatchObject({ role: "STAFF", unitName: unit.name });
    const login = uid("new");
    await acceptInvitation({ code, login, name: "新同事", password: "a-long-pass-phrase" });
    expect(await authenticate({ login, password: "a-long-pass-phrase" })).toMatchObject({ role: "STAFF" });
    const db = await getDb();
    expect((await db.user.findUniqueOrThrow({ where: { login } })).unitId).toBe(unit.id);
    expect(await describeInvitation(code)).toBeNull();
    await expect(
      acceptInvitation({ code, login: uid("again"), name: "x", password: "a-long-pass-phrase" }),
    ).rejects.toThrow("not_found");
  });

  it("activates an account that an import created without a password, and a reviewer's unit becomes their jurisdiction", async () => {
    const unit = await createUnit();
    const inactive = await createUser({ unitId: unit.id });
    const { code } = await createInvitation(CLI_ACTOR, { role: "STAFF", unitCode: unit.code, login: inactive.login });
    await expect(
      acceptInvitation({ code, login: uid("other"), name: "x", password: "a-long-pass-phrase" }),
    ).rejects.toThrow("invalid_input");
    await acceptInvitation({ code, login: inactive.login, name: "张三", password: "a-long-pass-phrase" });
    expect(await authenticate({ login: inactive.login, password: "a-long-pass-phrase" })).not.toBeNull();
    const county = await createUnit({ level: "county" });
    const r = await createInvitation(CLI_ACTOR, { role: "REVIEWER", unitCode: county.code, login: null });
    const login = uid("rev");
    await acceptInvitation({ code: r.code, login, name: "审核", password: "a-long-pass-phrase" });
    expect((await (await getDb()).user.findUniqueOrThrow({ where: { login } })).jurisdictionId).toBe(county.id);
  });

  it("refuses unknown units, weak passwords and non-admins", async () => {
    await expect(createInvitation(CLI_ACTOR, { role: "STAFF", unitCode: "NO-SUCH-UNIT", login: null })).rejects.toThrow(
      "invalid_input",
    );
    const staff: Actor = { userId: 1, role: "STAFF", via: "web" };
    await expect(createInvitation(staff, { role: "ADMIN", unitCode: "x", login: null })).rejects.toThrow("forbidden");
    const weak = acceptInvitationSchema.safeParse({
      code: "x".repeat(20),
      login: "zhang",
      name: "张",
      password: "aaaaaaaaaaaa",
      confirm: "aaaaaaaaaaab",
    });
    expect(weak.error!.flatten().fieldErrors).toMatchObject({ password: ["password_weak"] });
  });
});

// Rule: disabling a user or changing a role ends their sessions at once.
describe("changing a user", () => {
  it("disabling or a role change invalidates existing sessions; an admin cannot lock themselves out", async () => {
    const user = await createUser({ password: "pw-1234567890" });
    const token = { uid: user.id, sv: user.sessionVersion };
    await updateUser(CLI_ACTOR, { userId: user.id, role: "REVIEWER", disabled: false });
    expect(await loadSessionUser(token)).toBeNull();
    const admin = await createUser({ role: "ADMIN" });
    await expect(
      updateUser({ userId: admin.id, role: "ADMIN", via: "web" }, { userId: admin.id, role: "ADMIN", disabled: true }),
    ).rejects.toThrow("invalid_input");
    const db = await getDb();
    expect(await db.auditLog.count({ where: { action: "user.update", entityId: String(user.id) } })).toBe(1);
  });
});
