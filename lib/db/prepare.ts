import "server-only";
import { getDb, getOpenedDatabase } from "./client";
import { describeTarget, resolveDatabaseTarget } from "./config";
import { listPendingMigrations } from "./migration-status";
import { applyMigrations } from "./schema-engine";
import { StartupError } from "./startup-error";
import { seedDemo, type SeedSummary } from "@/lib/demo/seed-demo";

export async function migrateDatabase(): Promise<string[]> {
  const opened = await getOpenedDatabase();
  try {
    return await applyMigrations(opened.factory);
  } catch (error) {
    throw new StartupError(`Migrations failed on ${describeTarget(resolveDatabaseTarget())}: ${firstLine(error)}`, {
      cause: error,
    });
  }
}

export async function loadDemoData(): Promise<SeedSummary> {
  const db = await getDb();
  await requireMigrated();
  return seedDemo(db);
}

export async function requireMigrated(): Promise<void> {
  const pending = await listPendingMigrations(await getDb());
  if (pending.length > 0) {
    throw new StartupError(
      `The database is missing ${pending.length} migration(s) (${pending.join(", ")}); run: npm run cli -- migrate`,
    );
  }
}

/**
 * Before serving: the embedded database is migrated, and on first start loaded with demo data.
 * PostgreSQL is only checked: migrating or seeding a server is an explicit step.
 */
export async function prepareToServe(log: (line: string) => void): Promise<void> {
  const target = resolveDatabaseTarget();
  log(`Database: ${describeTarget(target)}`);
  if (target.kind === "postgres") {
    await getDb().then((db) => db.$queryRaw`SELECT 1`);
    await requireMigrated();
    return;
  }
  const applied = await migrateDatabase();
  if (applied.length) log(`Applied migrations: ${applied.join(", ")}`);
  const db = await getDb();
  if ((await db.unit.count()) === 0 && (await db.user.count()) === 0) {
    const s = await seedDemo(db);
    log(
      `Loaded demo data: ${s.units} units, ${s.channels} channels, ${s.mandates} mandates, ${s.reports} reports, ${s.users} users`,
    );
  }
}

function firstLine(error: unknown): string {
  return String((error as Error)?.message ?? error).split("\n")[0]!;
}
