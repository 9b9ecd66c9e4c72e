import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { writeAudit } from "./write-audit";

// Rule: the audit log is append-only, enforced by the database itself (a trigger), not the app.
describe("audit log", () => {
  it("accepts new entries", async () => {
    const db = await getDb();
    await writeAudit(db, {
      actorId: null,
      action: "test_append",
      entity: "unit",
      entityId: 1,
      before: { a: 1 },
      after: { a: 2 },
    });
    const row = await db.auditLog.findFirst({ where: { action: "test_append" } });
    expect(row).toMatchObject({ entity: "unit", entityId: "1", before: { a: 1 }, after: { a: 2 } });
  });

  it("refuses updates, deletes and truncation, even through raw SQL as the owner", async () => {
    const db = await getDb();
    await writeAudit(db, { actorId: null, action: "test_keep", entity: "unit" });
    await expect(
      db.auditLog.updateMany({ where: { action: "test_keep" }, data: { action: "forged" } }),
    ).rejects.toThrow(/append-only/);
    await expect(db.auditLog.deleteMany({ where: { action: "test_keep" } })).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`UPDATE audit_log SET action = 'forged'`)).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
    expect(await db.auditLog.count({ where: { action: "test_keep" } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "forged" } })).toBe(0);
  });
});
