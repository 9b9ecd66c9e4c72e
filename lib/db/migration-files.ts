import fs from "node:fs";
import path from "node:path";

export const MIGRATIONS_DIR = path.join(/*turbopackIgnore: true*/ process.cwd(), "prisma", "migrations");
export const SCHEMA_PATH = path.join(/*turbopackIgnore: true*/ process.cwd(), "prisma", "schema.prisma");

/** Migration folder names in the order Prisma applies them (their timestamp prefix). */
export function listMigrationNames(dir = MIGRATIONS_DIR): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort();
}
