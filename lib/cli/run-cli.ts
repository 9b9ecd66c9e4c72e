import { closeDb, getOpenedDatabase } from "@/lib/db/client";
import { loadDemoData, migrateDatabase, prepareToServe } from "@/lib/db/prepare";
import { createMigration, diffMigrationsToSchema } from "@/lib/db/schema-engine";
import { StartupError } from "@/lib/db/startup-error";
import { resolveAuthSecret } from "@/lib/auth/secret";

const USAGE = `Usage: npm run cli -- <command>

  migrate                  apply pending migrations
  migration create NAME    write a new migration from changes to prisma/schema.prisma
  migration check          fail when schema.prisma and the migrations disagree
  seed                     load the demo county into an empty ledger
  prepare                  what \`npm start\` runs first: migrate and seed the embedded database

The database is PostgreSQL when DATABASE_URL is set, else the embedded one in FINGERTIP_DATA_DIR (.data).`;

const log = (line: string) => process.stderr.write(line + "\n");

type Command = (args: string[]) => Promise<number>;

const commands: Record<string, Command> = {
  async migrate() {
    const applied = await migrateDatabase();
    log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "No pending migrations.");
    return 0;
  },
  async migration([sub, name]) {
    const opened = await getOpenedDatabase();
    if (sub === "check") {
      const sql = await diffMigrationsToSchema(opened.factory);
      if (!sql) return log("schema.prisma and prisma/migrations agree."), 0;
      log("schema.prisma differs from the migrations; run: npm run cli -- migration create NAME\n" + sql);
      return 1;
    }
    if (sub === "create" && name && /^[a-z0-9_]{1,60}$/i.test(name)) {
      const folder = await createMigration(opened.factory, name);
      log(folder ? `Created prisma/migrations/${folder}/migration.sql` : "No schema changes: no migration created.");
      return 0;
    }
    log("Usage: npm run cli -- migration create NAME (letters, digits, _) | migration check");
    return 2;
  },
  async seed() {
    const s = await loadDemoData();
    log(`Loaded demo data: ${s.units} units, ${s.channels} channels, ${s.mandates} mandates, ${s.reports} reports, ${s.users} users.`);
    return 0;
  },
  async prepare() {
    resolveAuthSecret();
    await prepareToServe(log);
    return 0;
  },
};

/** Runs one command; faults of the environment print one line and give a non-zero exit code. */
export async function runCli(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) {
    log(USAGE);
    return name ? 2 : 0;
  }
  try {
    return await command(args);
  } catch (error) {
    if (error instanceof StartupError) log(`Error: ${error.message}`);
    else log(`Error: ${(error as Error)?.message?.split("\n")[0] ?? String(error)}`);
    if (process.env.FINGERTIP_DEBUG) console.error(error);
    return 1;
  } finally {
    await closeDb().catch(() => {});
  }
}
