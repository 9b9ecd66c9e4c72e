import type { z } from "zod";
import type { Prisma, PrismaClient } from "@/lib/db/generated/client";
import type { Progress, RowIssue } from "./import-types";

export type Tx = Prisma.TransactionClient;
export type LineRow<T> = { line: number; row: T };

/** What an import would do; `apply` does it inside the caller's transaction. */
export type ImportPlan = {
  issues: RowIssue[];
  created: number;
  updated: number;
  unchanged: number;
  accountsCreated: number;
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
