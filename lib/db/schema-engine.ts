import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import * as bg from "@prisma/schema-engine-wasm/schema_engine_bg";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import { listMigrationNames, MIGRATIONS_DIR, SCHEMA_PATH } from "./migration-files";

/*
 * Prisma's schema engine compiled to WebAssembly: applies and creates migrations through the same
 * driver adapters as the app, because the native engine cannot be downloaded on a closed network.
 * The folder layout and the _prisma_migrations table are Prisma's own, so `prisma migrate deploy`
 * works on the same files where the native engine exists.
 */

type Engine = Awaited<ReturnType<typeof bg.SchemaEngine.new>>;
// Process-wide (not module-wide): two copies of this module must not re-instantiate the one
// wasm-bindgen glue module under each other, and the engine is used by one caller at a time.
const shared = ((
  globalThis as { __fingertipSchemaEngine?: { ready?: Promise<void>; queue: Promise<unknown> } }
).__fingertipSchemaEngine ??= { queue: Promise.resolve() });

let lastPanic: string | undefined;

function loadWasm(): Promise<void> {
  shared.ready ??= (async () => {
    // The engine reports Rust panics through this global (Prisma's CLI defines it too).
    (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY = {
      set_message: (message: string) => {
        lastPanic = message;
      },
    };
    const require = createRequire(import.meta.url);
    const entry = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bytes = fs.readFileSync(path.join(path.dirname(entry), "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bg });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
  })();
  return shared.ready;
}

function withEngine<T>(
  factory: SqlMigrationAwareDriverAdapterFactory,
  run: (engine: Engine) => Promise<T>,
): Promise<T> {
  const next = shared.queue.then(() => useEngine(factory, run));
  shared.queue = next.catch(() => {});
  return next;
}

async function useEngine<T>(
  factory: SqlMigrationAwareDriverAdapterFactory,
  run: (engine: Engine) => Promise<T>,
): Promise<T> {
  await loadWasm();
  const schema = fs.readFileSync(SCHEMA_PATH, "utf8");
  const engine = await bg.SchemaEngine.new(
    { datamodels: [[SCHEMA_PATH, schema]] },
    () => {},
    bindMigrationAwareSqlAdapterFactory(factory),
  );
  try {
    return await run(engine);
  } catch (error) {
    if (lastPanic) throw new Error(`schema engine panicked: ${lastPanic}`, { cause: error });
    throw error;
  } finally {
    engine.free();
  }
}

const noFilter = { externalTables: [], externalEnums: [] };

function migrationsList(dir = MIGRATIONS_DIR) {
  const lockPath = path.join(dir, "migration_lock.toml");
  return {
    baseDir: dir,
    lockfile: {
      path: "migration_lock.toml",
      content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, "utf8") : 'provider = "postgresql"\n',
    },
    shadowDbInitScript: "",
    migrationDirectories: listMigrationNames(dir).map((name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok" as const, value: fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8") },
      },
    })),
  };
}

/** Applies pending migrations, like `prisma migrate deploy`; returns the names applied. */
export async function applyMigrations(factory: SqlMigrationAwareDriverAdapterFactory): Promise<string[]> {
  return withEngine(factory, async (engine) => {
    const out = await engine.applyMigrations({ migrationsList: migrationsList(), filters: noFilter });
    return out.appliedMigrationNames;
  });
}

/** SQL that takes the schema produced by the migrations to schema.prisma; empty when they agree. */
export async function diffMigrationsToSchema(factory: SqlMigrationAwareDriverAdapterFactory): Promise<string> {
  return withEngine(factory, async (engine) => {
    const schema = fs.readFileSync(SCHEMA_PATH, "utf8");
    const result = await engine.diff({
      from: { tag: "migrations", ...migrationsList() },
      to: { tag: "schemaDatamodel", files: [{ path: SCHEMA_PATH, content: schema }] },
      script: true,
      exitCode: true,
      filters: noFilter,
    });
    return withoutManualObjects(result.stdout ?? "");
  });
}

/**
 * Objects created by hand in migrations that Prisma's schema language cannot describe (the audit
 * trigger is invisible to the diff; these are not). The diff would drop them, so their blocks go.
 */
const MANUAL_OBJECTS = ["units_path_prefix_idx"];

function withoutManualObjects(diff: string): string {
  const blocks = diff
    .split(/\n\s*\n/)
    .map((b) => b.trim())
    .filter((b) => b && b !== "-- This is an empty migration.")
    .filter((b) => !MANUAL_OBJECTS.some((name) => b.includes(`"${name}"`)));
  return blocks.join("\n\n");
}

/** Writes prisma/migrations/<timestamp>_<name>/migration.sql from the schema changes; null when none. */
export async function createMigration(
  factory: SqlMigrationAwareDriverAdapterFactory,
  name: string,
  now = new Date(),
): Promise<string | null> {
  const sql = await diffMigrationsToSchema(factory);
  if (!sql) return null;
  const stamp = now.toISOString().replace(/[-:T]/g, "").slice(0, 14);
  const folder = `${stamp}_${name.replace(/[^a-z0-9_]+/gi, "_").toLowerCase()}`;
  fs.mkdirSync(path.join(MIGRATIONS_DIR, folder), { recursive: true });
  fs.writeFileSync(path.join(MIGRATIONS_DIR, folder, "migration.sql"), sql + "\n");
  const lockPath = path.join(MIGRATIONS_DIR, "migration_lock.toml");
  if (!fs.existsSync(lockPath)) {
    fs.writeFileSync(lockPath, '# Please do not edit this file manually\nprovider = "postgresql"\n');
  }
  return folder;
}
