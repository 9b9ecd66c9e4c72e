import "server-only";
import fs from "node:fs";
import { createGzip } from "node:zlib";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import { authorize, type Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { ident } from "@/lib/db/sql-ident";
import type { RawReader } from "@/lib/db/read-all";
import { ledgerTables, quiet, type Progress, type TableCounts } from "./table-order";

export const BACKUP_FORMAT = "fingertip-backup/1";
const CHUNK = 20_000;

/** Rows of one table as JSON text, in key order, without parsing them (ids and dates stay exact). */
async function* tableRows(db: RawReader, table: string, keys: string[]): AsyncGenerator<string> {
  const order = Prisma.raw(keys.map((k) => `"${k}"`).join(", ") || "1");
  for (let offset = 0; ; offset += CHUNK) {
    const rows = await db.$queryRaw<{ row: string }[]>(
      Prisma.sql`SELECT row_to_json(t)::text AS row FROM ${ident(table)} t ORDER BY ${order} LIMIT ${CHUNK} OFFSET ${offset}`,
    );
    for (const r of rows) yield r.row;
    if (rows.length < CHUNK) return;
  }
}

/**
 * Writes the whole ledger to a gzip file of JSON lines: a header (format, migrations applied,
 * time), then per table a line naming it and one line per row. It reads inside one repeatable-read
 * transaction, so the copy is consistent while the app keeps running.
 */
export async function backupTo(actor: Actor, file: string, log: Progress = quiet): Promise<TableCounts> {
  authorize(actor, "admin:manage");
  const db = await getDb();
  const counts: Record<string, number> = {};
  const tmp = `${file}.partial`;
  await db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ`;
      const migrations = (
        await tx.$queryRaw<
          { name: string }[]
        >`SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`
      ).map((m) => m.name);
      const tables = await ledgerTables(tx);
      async function* lines(): AsyncGenerator<string> {
        yield JSON.stringify({ format: BACKUP_FORMAT, createdAt: new Date().toISOString(), migrations }) + "\n";
        for (const t of tables) {
          yield JSON.stringify({ table: t.name }) + "\n";
          let n = 0;
          for await (const row of tableRows(tx, t.name, t.keys)) {
            n++;
            yield row + "\n";
          }
          counts[t.name] = n;
          log(`  ${t.name}: ${n}`);
        }
      }
      await pipeline(Readable.from(lines()), createGzip(), fs.createWriteStream(tmp));
    },
    { timeout: 60 * 60_000, maxWait: 60_000 },
  );
  fs.renameSync(tmp, file); // a crash mid-way never leaves a file that looks complete
  return counts;
}
