import "server-only";
import fs from "node:fs";
import readline from "node:readline";
import { createGunzip } from "node:zlib";
import { authorize, type Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { ident } from "@/lib/db/sql-ident";
import { AppError } from "@/lib/errors";
import { BACKUP_FORMAT } from "./backup";
import { ledgerTables, quiet, type Progress, type TableCounts, type TableInfo } from "./table-order";

const CHUNK = 5_000;

/**
 * Loads a backup into an empty, migrated database (the same migrations as the backup's), all in one
 * transaction: any failure leaves the database as it was. Columns that point into their own table
 * are filled in after all rows exist; id sequences continue after the restored ids.
 */
export async function restoreFrom(actor: Actor, file: string, log: Progress = quiet): Promise<TableCounts> {
  authorize(actor, "admin:manage");
  const db = await getDb();
  const lines = readline
    .createInterface({ input: fs.createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity })
    [Symbol.asyncIterator]();
  const first = await lines.next();
  const header = first.done ? null : (JSON.parse(first.value) as { format?: string; migrations?: string[] });
  if (header?.format !== BACKUP_FORMAT) throw new AppError("invalid_input", { file: ["not_a_backup"] });
  const counts: Record<string, number> = {};
  await db.$transaction(
    async (tx) => {
      const applied = (
        await tx.$queryRaw<
          { name: string }[]
        >`SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`
      ).map((m) => m.name);
      if (JSON.stringify(applied) !== JSON.stringify(header.migrations))
        throw new AppError("invalid_input", { file: ["backup_version_mismatch"] });
      const tables = new Map((await ledgerTables(tx)).map((t) => [t.name, t]));
      for (const t of tables.values()) {
        const [row] = await tx.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM ${ident(t.name)}`;
        if ((row?.n ?? 0n) > 0n && t.name !== "settings")
          throw new AppError("conflict", { file: ["database_not_empty"] });
      }
      // Settings (e.g. the auth secret's companions) are replaced by the backup's.
      await tx.$executeRaw`DELETE FROM settings`;
      let table: TableInfo | undefined;
      let batch: string[] = [];
      const pendingSelfRefs: (() => Promise<void>)[] = [];
      const flush = async () => {
        if (!table || !batch.length) return;
        const json = `[${batch.join(",")}]`;
        const columns = await columnsOf(tx, table.name);
        const cols = Prisma.raw(columns.map((c) => `"${c}"`).join(", "));
        const selfNull = Prisma.raw(columns.map((c) => (table!.selfRefs.includes(c) ? `NULL` : `r."${c}"`)).join(", "));
        await tx.$executeRaw`INSERT INTO ${ident(table.name)} (${cols}) SELECT ${selfNull} FROM json_populate_recordset(NULL::${ident(table.name)}, ${json}::json) r`;
        if (table.selfRefs.length) {
          const current = table; // the closure runs after later tables have been read
          const sets = Prisma.raw(table.selfRefs.map((c) => `"${c}" = r."${c}"`).join(", "));
          const keyMatch = Prisma.raw(table.keys.map((k) => `t."${k}" = r."${k}"`).join(" AND "));
          pendingSelfRefs.push(async () => {
            await tx.$executeRaw`UPDATE ${ident(current.name)} t SET ${sets} FROM json_populate_recordset(NULL::${ident(current.name)}, ${json}::json) r WHERE ${keyMatch}`;
          });
        }
        counts[table.name] = (counts[table.name] ?? 0) + batch.length;
        batch = [];
      };
      for (let next = await lines.next(); !next.done; next = await lines.next()) {
        const line = next.value;
        if (!line) continue;
        if (line.startsWith('{"table":')) {
          await flush();
          const name = (JSON.parse(line) as { table: string }).table;
          table = tables.get(name);
          if (!table) throw new AppError("invalid_input", { file: ["backup_version_mismatch"] });
          log(`  ${name}…`);
          continue;
        }
        batch.push(line);
        if (batch.length >= CHUNK) await flush();
      }
      await flush();
      for (const run of pendingSelfRefs) await run();
      // Sequences continue after the restored ids (a partitioned table's key also holds its partition column).
      for (const t of tables.values()) {
        const column = t.keys.length === 1 ? t.keys[0]! : t.keys.includes("id") ? "id" : null;
        if (!column) continue;
        const [seq] = await tx.$queryRaw<
          { seq: string | null }[]
        >`SELECT pg_get_serial_sequence(${`"${t.name}"`}, ${column}) AS seq`;
        if (seq?.seq)
          await tx.$executeRaw`SELECT setval(${seq.seq}::regclass, GREATEST((SELECT max(${ident(column)}) FROM ${ident(t.name)}), 1))`;
      }
    },
    { timeout: 60 * 60_000, maxWait: 60_000 },
  );
  return counts;
}

const columnCache = new Map<string, string[]>();
async function columnsOf(tx: Prisma.TransactionClient, table: string): Promise<string[]> {
  let cols = columnCache.get(table);
  if (!cols) {
    cols = (
      await tx.$queryRaw<
        { name: string }[]
      >`SELECT column_name AS name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = ${table} ORDER BY ordinal_position`
    ).map((c) => c.name);
    columnCache.set(table, cols);
  }
  return cols;
}
