import { describe, expect, it } from "vitest";
import { authenticate } from "@/lib/auth/authenticate";
import { listUnchangedDemoLogins } from "@/lib/auth/demo-accounts";
import { hashPassword } from "@/lib/auth/password";
import { getDb } from "@/lib/db/client";
import { DEMO_PASSWORD } from "./demo-county";
import { seedDemo } from "./seed-demo";

describe("demo data", () => {
  it("loads a county with departments, townships, villages, channels, mandates, reports and the three logins", async () => {
    const db = await getDb();
    const summary = await seedDemo(db, new Date("2026-11-01T00:00:00Z"));
    expect(summary.units).toBeGreaterThan(40);
    expect(summary.channels).toBeGreaterThanOrEqual(30);
    expect(summary.mandates).toBeGreaterThan(100);
    expect(summary.reports).toBeGreaterThan(300);
    const levels = await db.unit.groupBy({ by: ["level"], _count: true });
    expect(levels.map((l) => l.level).sort()).toEqual(["city", "county", "department", "township", "village"]);
    for (const login of ["admin", "reviewer", "staff"]) {
      expect(await authenticate({ login, password: DEMO_PASSWORD }), login).not.toBeNull();
    }
    const staff = await db.user.findUniqueOrThrow({ where: { login: "staff" } });
    expect(await db.report.count({ where: { reporterId: staff.id } })).toBeGreaterThan(0);
    expect(await db.auditLog.count({ where: { action: "seed_demo" } })).toBe(1);
    // The demo reviewer has a queue: the demo county is built to show every kind of flag.
    const kinds = await db.flag.groupBy({ by: ["kind"], where: { status: "open" }, _count: true });
    expect(kinds.map((k) => k.kind).sort()).toEqual([
      "duplicate_channel",
      "duplicate_mandate",
      "forced_on_residents",
      "one_off",
      "overlapping_function",
      "overload",
      "policy_conflict",
      "zombie",
    ]);
    await expect(seedDemo(db)).rejects.toThrow(/not empty/);
  });

  it("announces only the demo logins whose password is unchanged", async () => {
    const db = await getDb();
    expect(await listUnchangedDemoLogins(0)).toEqual(["admin", "reviewer", "staff"]);
    await db.user.update({ where: { login: "admin" }, data: { passwordHash: await hashPassword("changed-now") } });
    expect(await listUnchangedDemoLogins(60_000)).toEqual(["reviewer", "staff"]);
  });
});
