import type { z } from "zod";
import type { PrismaClient } from "@/lib/db/generated/client";
import type { RawClient } from "@/lib/db/raw-transaction";
import type { Progress, RowIssue } from "./import-types";

/** The import's transaction: the driver adapter's own (rawTransaction), raw statements only. */
export type Tx = RawClient;
export type LineRow<T> = { line: number; row: T };

/** What an import would do; `apply` does it inside the caller's transaction. */
export type ImportPlan = {
  issues: RowIssue[];
  created: number;
  updated: number;
  unchanged: number;
  accountsCreated: number;
  /** The rows that would be created or changed, in file order, at most `limit` (a dry run shows them; creations and changes are each kept in file order, so the first `limit` of each suffice). */
  changes: (limit: number) => ImportChange[];
  apply: (tx: Tx, actorId: number | null, progress: Progress) => Promise<void>;
};

export type Planner<T> = {
  /** Row schema; `today` bounds dates that cannot be in the future. */
  schema: (today: Date) => z.ZodType<T, Record<string, string>>;
  plan: (rows: LineRow<T>[], db: PrismaClient) => Promise<ImportPlan>;
};

/** Flags every repeat of a key after its first line. */
export function findDuplicates<T>(rows: LineRow<T>[], key: (row: T) => string, field: string): RowIssue[] {
  const seen = new Set<string>();
  const issues: RowIssue[] = [];
  for (const { line, row } of rows) {
    const k = key(row);
    if (seen.has(k)) issues.push({ line, field, code: "duplicate_row", value: k });
    seen.add(k);
  }
  return issues;
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** One row a file would change: its line, the record it names, and each column that differs, before → after ("" when new). */
export type ImportChange = {
  line: number;
  record: string;
  created: boolean;
  columns: { column: string; before: string; after: string }[];
};

/** A value as a file's cell holds it: lists joined by |, nothing as "". */
export const asCell = (v: unknown): string =>
  v === null || v === undefined ? "" : Array.isArray(v) ? v.join("|") : String(v);

/** The columns of `after` whose cells differ from `before` (null: a new record, its filled columns). */
export function changeOf(
  line: number,
  record: string,
  before: Record<string, unknown> | null,
  after: Record<string, unknown>,
): ImportChange {
  const columns = Object.keys(after)
    .filter((c) => (before ? asCell(before[c]) !== asCell(after[c]) : asCell(after[c]) !== ""))
    .map((column) => ({ column, before: before ? asCell(before[column]) : "", after: asCell(after[column]) }));
  return { line, record, created: before === null, columns };
}
