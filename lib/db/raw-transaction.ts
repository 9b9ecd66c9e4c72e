import "server-only";
import type { SqlDriverAdapter, SqlQuery, Transaction } from "@prisma/driver-adapter-utils";
import { getOpenedDatabase } from "./client";
import { Prisma } from "./generated/client";

/**
 * What bulk writers need of a transaction: raw statements, as the Prisma client offers them (a
 * statement built with Prisma.sql, or the tagged template itself). A Prisma transaction is one too.
 */
export type RawClient = {
  $queryRaw: <T>(query: Prisma.Sql | TemplateStringsArray, ...values: unknown[]) => Promise<T>;
  $executeRaw: (query: Prisma.Sql | TemplateStringsArray, ...values: unknown[]) => Promise<number>;
};

const UNKNOWN = { scalarType: "unknown", arity: "scalar" } as const;
const statement = (sql: string, values: readonly unknown[] = []): SqlQuery => ({
  sql,
  args: [...values],
  argTypes: values.map(() => UNKNOWN),
});

/**
 * Runs `fn` in a transaction of the driver adapter itself, for statements that carry megabytes of
 * rows. The Prisma client sends the parameters of a raw query through JSON.stringify and back
 * through JSON.parse on their way to the driver: for a provincial recompute that was 8 s of 5 MB
 * strings escaped and unescaped. Values travel to the driver as they are (numbers, strings,
 * arrays); rows come back as objects keyed by column.
 */
export async function rawTransaction<T>(fn: (tx: RawClient) => Promise<T>): Promise<T> {
  const adapter: SqlDriverAdapter = await (await getOpenedDatabase()).rawAdapter();
  const tx = await adapter.startTransaction();
  // adapter-pg begins with BEGIN and leaves COMMIT or ROLLBACK to its caller; PGlite's adapter
  // ends its transaction itself ("phantom" queries), as Prisma's transaction manager does.
  const end = async (sql: "COMMIT" | "ROLLBACK") => {
    if (!tx.options.usePhantomQuery) await tx.executeRaw(statement(sql));
  };
  try {
    const result = await fn(rawClient(tx));
    await end("COMMIT");
    await tx.commit();
    return result;
  } catch (error) {
    try {
      await end("ROLLBACK");
    } finally {
      await tx.rollback();
    }
    throw error;
  }
}

const sqlOf = (query: Prisma.Sql | TemplateStringsArray, values: unknown[]): Prisma.Sql =>
  query instanceof Prisma.Sql ? query : Prisma.sql(query, ...values);

function rawClient(tx: Transaction): RawClient {
  return {
    $executeRaw: (query, ...values) => {
      const sql = sqlOf(query, values);
      return tx.executeRaw(statement(sql.text, sql.values));
    },
    $queryRaw: async <T>(query: Prisma.Sql | TemplateStringsArray, ...values: unknown[]) => {
      const sql = sqlOf(query, values);
      const { columnNames, rows } = await tx.queryRaw(statement(sql.text, sql.values));
      return rows.map((row) => Object.fromEntries(columnNames.map((name, i) => [name, row[i]]))) as T;
    },
  };
}
