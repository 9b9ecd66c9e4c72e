import { describe, expect, it } from "vitest";
import { can, homeFor, PERMISSIONS, ROLES, type Permission } from "./permissions";

// Every role × permission, stated separately from the table so a change to either is noticed.
const expected: Record<Permission, readonly string[]> = {
  "me:view": ["STAFF"],
  "report:write": ["STAFF"],
  "review:view": ["REVIEWER", "ADMIN"],
  "review:decide": ["REVIEWER", "ADMIN"],
  "mandate:manage": ["REVIEWER", "ADMIN"],
  "admin:view": ["ADMIN"],
  "admin:manage": ["ADMIN"],
};

describe("permissions", () => {
  it("covers exactly the expected actions", () => {
    expect(PERMISSIONS.map((p) => p.action).sort()).toEqual(Object.keys(expected).sort());
  });
  for (const { action } of PERMISSIONS) {
    for (const role of ROLES) {
      const allowed = expected[action].includes(role);
      it(`${role} ${allowed ? "may" : "may not"} ${action}`, () => {
        expect(can(role, action)).toBe(allowed);
      });
    }
    it(`an unknown or missing role may not ${action}`, () => {
      expect(can("SUPERUSER", action)).toBe(false);
      expect(can(undefined, action)).toBe(false);
      expect(can(null, action)).toBe(false);
    });
  }
  it("an unknown action is refused to every role", () => {
    for (const role of ROLES) expect(can(role, "delete:everything" as Permission)).toBe(false);
  });
  it("sends each role to its own page", () => {
    expect(homeFor("STAFF")).toBe("/me");
    expect(homeFor("REVIEWER")).toBe("/review");
    expect(homeFor("ADMIN")).toBe("/admin");
  });
});
