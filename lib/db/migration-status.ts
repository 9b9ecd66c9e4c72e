import "server-only";
import type { PrismaClient } from "./generated/client";
import { listMigrationNames } from "./migration-files";

/** Migrations in prisma/migrations that the database has not finished applying. */
export async function listPendingMigrations(db: PrismaClient): Promise<string[]> {
  const expected = listMigrationNames();
  let applied: { migration_name: string }[] = [];
  try {
    applied = await db.$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM _prisma_migrations
      WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
  } catch (error) {
    if (!String((error as Error).message).includes("_prisma_migrations")) throw error;
  }
  const done = new Set(applied.map((r) => r.migration_name));
  return expected.filter((name) => !done.has(name));
}
