import "server-only";
import { Prisma } from "@/lib/db/generated/client";
import type { PrismaClient } from "@/lib/db/generated/client";
import { readAll, type RawReader } from "@/lib/db/read-all";
import { readLines } from "@/lib/db/read-lines";
import { getThresholds } from "@/lib/settings/thresholds";
import { loadProductIndex } from "@/lib/channels/known-products-store";
import type { Ledger } from "./finding";
import * as rows from "./ledger-rows";

/** The ledger as the detectors read it, in id order so that evidence is the same on every run. */
export async function loadLedger(db: RawReader, today = new Date()): Promise<Ledger> {
  const [units, channels, mandates, reports, { values }, products] = await Promise.all([
    readAll(db, rows.UNIT_COLUMNS, Prisma.sql`FROM units t WHERE true`),
    rows.readActiveChannels(db, true),
    // Mandates of retired or merged channels are dropped in memory: a join here lets the planner misjudge a fresh table.
    readLines(
      db,
      rows.MANDATE_COLUMNS,
      Prisma.sql`FROM mandates t WHERE ${Prisma.raw(rows.JUDGED_MANDATES)}`,
      rows.mandateParser(),
    ),
    readLines(
      db,
      rows.REPORT_COLUMNS,
      Prisma.sql`FROM reports t WHERE ${Prisma.raw(rows.CURRENT_REPORTS)}`,
      rows.reportParser(),
    ),
    getThresholds(),
    loadProductIndex(db as unknown as PrismaClient),
  ]);
  return { ...rows.ledgerOf(today, values, { units, channels, mandates, reports }), products };
}
