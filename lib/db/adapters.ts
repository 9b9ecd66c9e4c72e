import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { DatabaseTarget } from "./config";
import { acquireFolderLock } from "./pglite-lock";
import { StartupError } from "./startup-error";

export type OpenedDatabase = {
  factory: SqlMigrationAwareDriverAdapterFactory;
  /** True when an embedded database folder was created by this open (demo data goes in then). */
  created: boolean;
  /** A driver adapter of its own for bulk work that bypasses the Prisma client (see raw-transaction.ts). */
  rawAdapter: () => Promise<SqlDriverAdapter>;
  close: () => Promise<void>;
};

/** Opens the adapter for raw work on first use, and disposes of it when the database is closed. */
function withRawAdapter(
  factory: SqlMigrationAwareDriverAdapterFactory,
  close: () => Promise<void>,
): OpenedDatabase["rawAdapter"] & { close: () => Promise<void> } {
  let adapter: Promise<SqlDriverAdapter> | undefined;
  const get = () => (adapter ??= factory.connect());
  return Object.assign(get, {
    close: async () => {
      const opened = adapter;
      adapter = undefined;
      if (opened) await (await opened.catch(() => null))?.dispose();
      await close();
    },
  });
}

export async function openPglite(dataDir: string): Promise<PGlite> {
  const pgdata = path.join(dataDir, "pgdata");
  return PGlite.create(pgdata, { extensions: { pg_trgm } });
}

export async function openDatabase(target: DatabaseTarget): Promise<OpenedDatabase> {
  if (process.env.NEXT_PHASE === "phase-production-build") {
    // A page that reads data during `next build` would bake figures in and open the folder.
    throw new StartupError("The database must not be opened while building; mark the page dynamic.");
  }
  if (target.kind === "postgres") {
    const factory = withPgliteShadow(wrapPgScripts(new PrismaPg({ connectionString: target.url })));
    const raw = withRawAdapter(factory, async () => {});
    return { factory, created: false, rawAdapter: raw, close: raw.close };
  }
  const release = acquireFolderLock(target.dataDir);
  const fs = await import("node:fs");
  const created = !fs.existsSync(path.join(target.dataDir, "pgdata", "PG_VERSION"));
  let pg: PGlite;
  try {
    pg = await openPglite(target.dataDir);
  } catch (error) {
    release();
    throw new StartupError(`Cannot open the embedded database in ${target.dataDir}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const factory = pgliteFactory(pg);
  const raw = withRawAdapter(factory, async () => {
    await pg.close();
    release();
  });
  return { factory, created, rawAdapter: raw, close: raw.close };
}

/** PGlite's adapter, with migration scripts awaited so a failing migration fails (adapter 0.7.2 does not await). */
export function pgliteFactory(pg: PGlite): SqlMigrationAwareDriverAdapterFactory {
  return withPgliteShadow(wrapScripts(new PrismaPGlite(pg), pg));
}

function wrapScripts(base: SqlMigrationAwareDriverAdapterFactory, pg: PGlite): SqlMigrationAwareDriverAdapterFactory {
  return {
    provider: base.provider,
    adapterName: base.adapterName,
    connect: async () => awaitScripts(await base.connect(), pg),
    connectToShadowDb: () => base.connectToShadowDb(),
  };
}

function awaitScripts(adapter: SqlDriverAdapter, pg: PGlite): SqlDriverAdapter {
  adapter.executeScript = async (script: string) => {
    await pg.exec(script);
  };
  return adapter;
}

type PgPoolLike = {
  query: (sql: string) => Promise<unknown>;
  on: (
    event: "connect",
    listener: (client: { on: (event: "error", listener: (error: Error) => void) => void }) => void,
  ) => void;
};

/**
 * When the server goes away (a restart, a failover), every open connection receives an error.
 * pg-pool listens on idle connections only; one that adapter-pg has checked out but is between
 * queries has no listener, and Node ends the whole process on an unheard "error" event. A listener
 * on every connection keeps the app up: the broken connection fails its next query (the request is
 * answered with an error and may be retried) and the pool replaces it.
 */
function keepLostConnectionsQuiet(pool: PgPoolLike): void {
  pool.on("connect", (client) =>
    client.on("error", (error) => console.warn(`database connection lost: ${error.message}`)),
  );
}

/**
 * adapter-pg 7.10 runs a migration script by splitting it on ";", which breaks dollar-quoted
 * function bodies (the audit trigger). The simple query protocol runs the whole script at once.
 */
function wrapPgScripts(base: SqlMigrationAwareDriverAdapterFactory): SqlMigrationAwareDriverAdapterFactory {
  return {
    provider: base.provider,
    adapterName: base.adapterName,
    connect: async () => {
      const adapter = await base.connect();
      const inner = adapter as unknown as { client: PgPoolLike; onError: (e: unknown) => never };
      keepLostConnectionsQuiet(inner.client);
      adapter.executeScript = async (script: string) => {
        try {
          await inner.client.query(script);
        } catch (error) {
          inner.onError(error);
        }
      };
      return adapter;
    },
    connectToShadowDb: () => base.connectToShadowDb(),
  };
}

/**
 * Both drivers' own shadow databases are unusable here (adapter-pg's reuses the main database and
 * cannot read "char" columns; PGlite's lacks pg_trgm), so diffs replay migrations on an in-memory
 * PGlite with the same extensions.
 */
function withPgliteShadow(base: SqlMigrationAwareDriverAdapterFactory): SqlMigrationAwareDriverAdapterFactory {
  return {
    provider: base.provider,
    adapterName: base.adapterName,
    connect: () => base.connect(),
    connectToShadowDb: async () => {
      const shadow = await PGlite.create({ extensions: { pg_trgm } });
      const adapter = awaitScripts(await new PrismaPGlite(shadow).connect(), shadow);
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await dispose();
        await shadow.close();
      };
      return adapter;
    },
  };
}
