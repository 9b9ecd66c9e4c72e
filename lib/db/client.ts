import "server-only";
import { PrismaClient } from "./generated/client";
import { openDatabase, type OpenedDatabase } from "./adapters";
import { describeTarget, resolveDatabaseTarget } from "./config";
import { explainConnectionError } from "./startup-error";

export type Db = PrismaClient;

/** Secrets never leave by accident: password hashes are selected only where asked for (every client, the standby's too). */
export const CLIENT_OMIT = { user: { passwordHash: true } } as const;

function createClient(opened: OpenedDatabase): PrismaClient {
  return new PrismaClient({ adapter: opened.factory, omit: CLIENT_OMIT });
}

type Holder = { client: Promise<{ prisma: PrismaClient; opened: OpenedDatabase }> | undefined };
const holder = ((globalThis as { __fingertipDb?: Holder }).__fingertipDb ??= { client: undefined });

/** The process's one database client, opened on first use (importing this module opens nothing). */
export async function getDb(): Promise<PrismaClient> {
  holder.client ??= (async () => {
    const target = resolveDatabaseTarget();
    try {
      const opened = await openDatabase(target);
      return { prisma: createClient(opened), opened };
    } catch (error) {
      holder.client = undefined;
      throw explainConnectionError(error, describeTarget(target));
    }
  })();
  return (await holder.client).prisma;
}

/** The opened database behind the client (the CLI migrates through its adapter factory). */
export async function getOpenedDatabase(): Promise<OpenedDatabase> {
  await getDb();
  return (await holder.client!).opened;
}

export async function closeDb(): Promise<void> {
  const current = holder.client;
  holder.client = undefined;
  if (!current) return;
  const { prisma, opened } = await current;
  await prisma.$disconnect();
  await opened.close();
}
