import path from "node:path";

/** Where the ledger lives: PostgreSQL when DATABASE_URL is set, else embedded PGlite in a folder. */
export type DatabaseTarget = { kind: "postgres"; url: string } | { kind: "pglite"; dataDir: string };

export function resolveDatabaseTarget(env: Record<string, string | undefined> = process.env): DatabaseTarget {
  const url = env.DATABASE_URL?.trim();
  if (url) return { kind: "postgres", url };
  const dir = env.FINGERTIP_DATA_DIR?.trim() || ".data";
  return { kind: "pglite", dataDir: path.resolve(/*turbopackIgnore: true*/ dir) };
}

/** A description safe to print: no password. */
export function describeTarget(target: DatabaseTarget): string {
  if (target.kind === "pglite") return `embedded database in ${target.dataDir}`;
  try {
    const u = new URL(target.url);
    return `PostgreSQL at ${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return "PostgreSQL (DATABASE_URL is not a valid URL)";
  }
}
