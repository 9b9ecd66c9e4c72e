import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { openDatabase } from "@/lib/db/adapters";
import { applyMigrations } from "@/lib/db/schema-engine";
import { adminQuery, createPgDatabase, databaseUrl, dropPgDatabase, makeTempDir, uniqueName } from "./test-databases";

declare module "vitest" {
  export interface ProvidedContext {
    dbKind: "pglite" | "postgres";
    template: string;
  }
}

/** Makes one migrated template database per test run for the project's database kind. */
export default async function setup(project: TestProject) {
  const kind = project.name === "postgres" ? "postgres" : "pglite";
  if (kind === "postgres") {
    const name = uniqueName("fingertip_tpl");
    await createPgDatabase(name);
    const opened = await openDatabase({ kind: "postgres", url: databaseUrl(name) });
    await applyMigrations(opened.factory);
    await opened.close();
    // The schema engine's pool may linger; a template must have no other sessions to be copied.
    await adminQuery(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}' AND pid <> pg_backend_pid()`,
    );
    project.provide("dbKind", kind);
    project.provide("template", name);
    return async () => dropPgDatabase(name);
  }
  const dir = makeTempDir("fingertip-tpl");
  const opened = await openDatabase({ kind: "pglite", dataDir: dir });
  await applyMigrations(opened.factory);
  await opened.close();
  fs.rmSync(path.join(dir, "fingertip.lock"), { force: true });
  project.provide("dbKind", kind);
  project.provide("template", dir);
  return async () => fs.rmSync(dir, { recursive: true, force: true });
}
