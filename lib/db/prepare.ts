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
    const applied = await applyMigrations(opened.factory);
    await addAuditMonths();
    return applied;
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
    await addAuditMonths();
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

/**
 * The audit log is partitioned by month (migration partitioned_ledger): each start adds the
 * partitions of the coming year, so that rows land in their month rather than the default one.
 */
async function addAuditMonths(): Promise<void> {
  const db = await getDb();
  // Instances starting together would otherwise race to create the same month.
  await db.$transaction([
    db.$executeRaw`SELECT pg_advisory_xact_lock(7270402)`,
    db.$executeRaw`SELECT audit_log_add_months(now()::date, (now() + interval '12 months')::date)`,
  ]);
}

function firstLine(error: unknown): string {
  return String((error as Error)?.message ?? error).split("\n")[0]!;
}
