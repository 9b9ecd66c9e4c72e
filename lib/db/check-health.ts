import "server-only";
import { getDb } from "./client";
import { resolveDatabaseTarget } from "./config";
import { listPendingMigrations } from "./migration-status";

export type Health =
  { ok: true; database: "postgres" | "pglite"; migrations: "current" } | { ok: false; error: string };

/** Reachable and migrated, or a short reason (no internals: the health answer is public). */
export async function checkHealth(): Promise<Health> {
  const kind = resolveDatabaseTarget().kind;
  try {
    const db = await getDb();
    const pending = await listPendingMigrations(db);
    if (pending.length) return { ok: false, error: `${pending.length} migration(s) not applied` };
    return { ok: true, database: kind, migrations: "current" };
  } catch (error) {
    console.error("health check failed:", (error as Error).message);
    return { ok: false, error: "database unreachable" };
  }
}
