import { describe, expect, it } from "vitest";
import { getDb, getOpenedDatabase } from "./client";
import { checkHealth } from "./check-health";
import { listMigrationNames } from "./migration-files";
import { listPendingMigrations } from "./migration-status";
import { diffMigrationsToSchema } from "./schema-engine";

describe("migrations", () => {
  it("are all applied and recorded in _prisma_migrations, as prisma migrate deploy would", async () => {
    const db = await getDb();
    expect(listMigrationNames().length).toBeGreaterThan(0);
    expect(await listPendingMigrations(db)).toEqual([]);
    const rows = await db.$queryRaw<{ migration_name: string }[]>`SELECT migration_name FROM _prisma_migrations`;
    expect(rows.map((r) => r.migration_name).sort()).toEqual(listMigrationNames());
  });

  it("agree with schema.prisma (a schema change without a migration fails here)", async () => {
    const opened = await getOpenedDatabase();
    expect(await diffMigrationsToSchema(opened.factory)).toBe("");
  });

  it("enable pg_trgm, which channel search relies on", async () => {
    const db = await getDb();
    const [row] = await db.$queryRaw<{ s: number }[]>`SELECT similarity('学习强国', '学习强国APP')::float8 AS s`;
    expect(row!.s).toBeGreaterThan(0.3);
  });

  it("report health as ok when migrated", async () => {
    expect(await checkHealth()).toMatchObject({ ok: true, migrations: "current" });
  });
});
