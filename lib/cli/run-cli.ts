import { closeDb, getOpenedDatabase } from "@/lib/db/client";
import { FLAG_KINDS } from "@/lib/review/flag-vocabulary";
import { loadDemoData, migrateDatabase, prepareToServe } from "@/lib/db/prepare";
import { createMigration, diffMigrationsToSchema } from "@/lib/db/schema-engine";
import { StartupError } from "@/lib/db/startup-error";
import { resolveAuthSecret } from "@/lib/auth/secret";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { EXPORT_FORMATS, exportLedger, type ExportFormat } from "@/lib/exports/export-ledger";
import { importTemplate } from "@/lib/exports/import-template";
import { importCsv } from "@/lib/imports/run-import";
import { describeIssue } from "@/lib/imports/describe-import";
import { IMPORT_KINDS, type ImportKind } from "@/lib/imports/import-types";
import { translator } from "@/lib/i18n/messages";
import fs from "node:fs";
import { listFlags } from "@/lib/flags/list-flags";
import { listCases } from "@/lib/flags/cases/list-cases";
import { recomputeFlags } from "@/lib/flags/recompute-flags";
import { queueAvailable, stopRecomputeQueue, workersWanted, workRecomputeJobs } from "@/lib/flags/recompute-queue";
import type { FlagKind } from "@/lib/db/generated/client";
import { backupTo } from "@/lib/backup/backup";
import { restoreFrom } from "@/lib/backup/restore";
import { AppError } from "@/lib/errors";
import { auditPublicFigures } from "@/lib/public/audit-public-figures";
import { releasePublicFiguresNow } from "@/lib/public/release-now";

const USAGE = `Usage: npm run cli -- <command>

  migrate                  apply pending migrations
  migration create NAME    write a new migration from changes to prisma/schema.prisma
  migration check          fail when schema.prisma and the migrations disagree
  seed                     load the demo county into an empty ledger
  import KIND FILE [--dry-run]
                           import units|channels|mandates|reports from a CSV file (UTF-8 or GBK)
                           or an .xlsx workbook, all or nothing
  export KIND [--format csv|json|xlsx]
                           write units|channels|mandates|reports to standard output
  template KIND            write an .xlsx template for KIND (with a guide sheet) to standard output
  flags recompute [--by-region | --one-pass]
                           recompute every flag from the ledger (by default by region on PostgreSQL
                           when the ledger holds more than one province: one queued job per province)
  worker [--workers N]     work queued recompute jobs until stopped (PostgreSQL; any number of machines)
  flags list [--kind KIND] [--json]
                           the flags, worst first (JSON: an array of flags)
  cases list [--json]      the open cases (findings decided together), worst first, with their findings' count and ids
  public release           publish the public figures now (otherwise they change at scheduled releases)
  public audit             check by linear programming that no withheld public figure can be narrowed
  backup FILE              write the whole ledger to FILE (gzip JSON lines), consistent while the app runs
  restore FILE             load a backup into an empty database (migrated first; same version of Fingertip)
  prepare                  what \`npm start\` runs first: migrate and seed the embedded database

The database is PostgreSQL when DATABASE_URL is set, else the embedded one in FINGERTIP_DATA_DIR (.data).`;

const log = (line: string) => process.stderr.write(line + "\n");

type Command = (args: string[]) => Promise<number>;

const commands: Record<string, Command> = {
  async backup([file]) {
    if (!file) return (log("Usage: npm run cli -- backup FILE"), 2);
    const counts = await backupTo(CLI_ACTOR, file, log);
    log(
      `Backed up ${Object.values(counts).reduce((a, b) => a + b, 0)} rows of ${Object.keys(counts).length} tables to ${file}`,
    );
    return 0;
  },
  async restore([file]) {
    if (!file || !fs.existsSync(file)) return (log("Usage: npm run cli -- restore FILE (an existing backup file)"), 2);
    await migrateDatabase();
    try {
      const counts = await restoreFrom(CLI_ACTOR, file, log);
      log(
        `Restored ${Object.values(counts).reduce((a, b) => a + b, 0)} rows into ${Object.keys(counts).length} tables.`,
      );
      return 0;
    } catch (error) {
      if (error instanceof AppError) {
        const reason = Object.values(error.fieldErrors ?? {}).flat()[0] ?? error.code;
        log(
          {
            not_a_backup: `${file} is not a Fingertip backup.`,
            backup_version_mismatch:
              "The backup was made by another version of Fingertip (different migrations); restore it with that version.",
            database_not_empty:
              "The database already holds data; restore into an empty one (a new DATABASE_URL or FINGERTIP_DATA_DIR).",
          }[reason] ?? `Restore refused: ${reason}`,
        );
        return 1;
      }
      throw error;
    }
  },
  async migrate() {
    const applied = await migrateDatabase();
    log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "No pending migrations.");
    return 0;
  },
  async migration([sub, name]) {
    const opened = await getOpenedDatabase();
    if (sub === "check") {
      const sql = await diffMigrationsToSchema(opened.factory);
      if (!sql) return (log("schema.prisma and prisma/migrations agree."), 0);
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
    log(
      `Loaded demo data: ${s.units} units, ${s.channels} channels, ${s.mandates} mandates, ${s.reports} reports, ${s.users} users.`,
    );
    return 0;
  },
  async import(args) {
    const [kind, file] = args.filter((a) => !a.startsWith("--"));
    if (!isKind(kind) || !file) return usage("import KIND FILE [--dry-run]");
    let text: Uint8Array;
    try {
      text = fs.readFileSync(file);
    } catch (error) {
      log(`Error: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? "unreadable"}`);
      return 1;
    }
    const dryRun = args.includes("--dry-run");
    const started = Date.now();
    const summary = await importCsv(CLI_ACTOR, {
      kind,
      text,
      dryRun,
      progress: (stage, done, total) =>
        log(`  ${((Date.now() - started) / 1000).toFixed(1)} s  ${stage}: ${done}/${total}`),
    });
    const t = translator(cliLocale());
    if (summary.encoding === "gb18030") log(t("import.encodingNotice"));
    for (const issue of summary.issues.slice(0, 200)) log(`${file}: ${describeIssue(t, issue)}`);
    if (summary.issues.length > 200) log(`… and ${summary.issues.length - 200} more problems`);
    const counts =
      `${summary.rows} rows: ${summary.created} new, ${summary.updated} changed, ${summary.unchanged} unchanged` +
      (summary.accountsCreated
        ? `, ${summary.accountsCreated} inactive staff account(s) ${summary.applied ? "created" : "to create"}`
        : "");
    if (summary.issues.length) {
      log(`Refused: ${summary.issues.length} problem(s); nothing was changed.`);
      return 1;
    }
    // A dry run shows the first rows it would change, as the admin page does.
    for (const c of summary.changes)
      log(
        `  line ${c.line} ${c.record} (${c.created ? "new" : "changed"}): ${c.columns.map((col) => (c.created ? `${col.column}=${col.after}` : `${col.column} ${col.before} → ${col.after}`)).join("; ")}`,
      );
    if (dryRun && summary.changes.length < summary.created + summary.updated)
      log(`  … ${summary.created + summary.updated - summary.changes.length} more rows would change`);
    log(
      `${dryRun ? "Dry run (nothing changed)" : "Imported"} ${kind}: ${counts} in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
    );
    return 0;
  },
  async export(args) {
    const formatAt = args.indexOf("--format");
    const format = formatAt >= 0 ? args[formatAt + 1] : "csv";
    const kind = args.find((a, i) => !a.startsWith("--") && i !== formatAt + 1);
    if (!isKind(kind) || !(EXPORT_FORMATS as readonly string[]).includes(format ?? ""))
      return usage("export KIND [--format csv|json|xlsx]");
    await writeOut(await exportLedger(CLI_ACTOR, kind, format as ExportFormat, translator(cliLocale())));
    return 0;
  },
  async template([kind]) {
    if (!isKind(kind)) return usage("template KIND");
    await writeOut(await importTemplate(CLI_ACTOR, kind, translator(cliLocale())));
    return 0;
  },
  async flags([sub, ...rest]) {
    if (sub === "recompute") {
      const started = Date.now();
      const s = await recomputeFlags(CLI_ACTOR, {
        progress: (stage, done, total) => log(`  ${stage}: ${done}/${total}`),
        byRegion: rest.includes("--by-region") ? true : rest.includes("--one-pass") ? false : undefined,
      });
      log(
        `Flags: ${s.findings} found (${s.created} new, ${s.updated} changed, ${s.reopened} reopened), ${s.resolved} resolved as no longer holding, in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
      );
      return 0;
    }
    if (sub === "list") {
      const at = rest.indexOf("--kind");
      const kind = at >= 0 ? rest[at + 1] : undefined;
      if (at >= 0 && !(FLAG_KINDS as readonly string[]).includes(kind ?? ""))
        return usage(`flags list [--kind ${FLAG_KINDS.join("|")}] [--json]`);
      const flags = await listFlags(CLI_ACTOR, translator(cliLocale()), { kind: kind as FlagKind | undefined });
      if (rest.includes("--json")) process.stdout.write(JSON.stringify(flags, null, 2) + "\n");
      else
        for (const f of flags)
          process.stdout.write(
            `[${f.severity}] ${f.kind} ${f.status}${f.unit ? ` ${f.unit}` : ""}: ${f.explanation}\n`,
          );
      return 0;
    }
    return usage("flags recompute | flags list [--kind KIND] [--json]");
  },
  async cases([sub, ...rest]) {
    if (sub !== "list") return usage("cases list [--json]");
    const cases = await listCases(CLI_ACTOR);
    if (rest.includes("--json")) process.stdout.write(JSON.stringify(cases, null, 2) + "\n");
    else
      for (const c of cases)
        process.stdout.write(
          `${c.key} [${c.severity}] ${c.findings} finding(s), burden ${c.burden}: ${[c.issuer, ...c.channels, c.township].filter(Boolean).join(" · ")} (${c.kinds.join(", ")})\n`,
        );
    return 0;
  },
  async public([sub]) {
    if (sub === "release") {
      const { releasedAt } = await releasePublicFiguresNow(CLI_ACTOR);
      log(`Released the public figures at ${releasedAt}.`);
      return 0;
    }
    if (sub === "audit") {
      const started = Date.now();
      const a = await auditPublicFigures(CLI_ACTOR);
      for (const m of a.mismatches) log(`mismatch: ${m}`);
      for (const f of a.findings)
        log(
          `narrowed: ${f.cell} ${f.figure} ${f.value.toFixed(2)} within [${f.low.toFixed(2)}, ${f.high.toFixed(2)}], needs ${f.needed.toFixed(2)} wide`,
        );
      log(
        `Public figures audited: ${a.reports} reports, ${a.figuresChecked} figures read back, ${a.cellsTried} withheld figures tried, ${a.findings.length} narrowed, ${a.mismatches.length} mismatches, in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
      );
      return a.findings.length || a.mismatches.length ? 1 : 0;
    }
    return usage("public release | public audit");
  },
  async worker(args) {
    const at = args.indexOf("--workers");
    const workers = at >= 0 ? Number(args[at + 1]) : workersWanted();
    if (!Number.isInteger(workers) || workers < 1 || workers > 64) return usage("worker [--workers N]");
    if (!queueAvailable()) return (log("The recompute queue needs PostgreSQL (set DATABASE_URL)."), 2);
    await workRecomputeJobs(workers);
    log(`Working recompute jobs with ${workers} worker(s); stop with Ctrl-C.`);
    await new Promise<void>((resolve) => {
      process.once("SIGINT", resolve);
      process.once("SIGTERM", resolve);
    });
    await stopRecomputeQueue();
    return 0;
  },
  async prepare() {
    resolveAuthSecret();
    await prepareToServe(log);
    return 0;
  },
};

function isKind(kind: string | undefined): kind is ImportKind {
  return (IMPORT_KINDS as readonly string[]).includes(kind ?? "");
}

/** Writes to standard output and waits until it is written (a workbook is binary and may be large). */
function writeOut(body: string | Buffer): Promise<void> {
  return new Promise((resolve, reject) => process.stdout.write(body, (error) => (error ? reject(error) : resolve())));
}

function usage(line: string): number {
  log(`Usage: npm run cli -- ${line}   (KIND: ${IMPORT_KINDS.join(", ")})`);
  return 2;
}

/** Messages in Chinese when the terminal's language is Chinese, else English. */
function cliLocale() {
  return /^zh/i.test(process.env.FINGERTIP_LOCALE ?? process.env.LANG ?? "") ? "zh-CN" : "en";
}

/** One line for a failure: Prisma's messages begin with an empty line, then the call that failed. */
function describeFailure(error: unknown): string {
  if (error instanceof StartupError) return error.message;
  // P2021: a table is missing, i.e. the database was created but never migrated.
  if ((error as { code?: string })?.code === "P2021")
    return "the database is not migrated: run npm run cli -- migrate first.";
  const message = (error as Error)?.message ?? String(error);
  return (
    message
      .split("\n")
      .find((line) => line.trim())
      ?.trim() ?? "unknown failure"
  );
}

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
    log(`Error: ${describeFailure(error)}`);
    if (process.env.FINGERTIP_DEBUG) console.error(error);
    return 1;
  } finally {
    await stopRecomputeQueue().catch(() => {});
    await closeDb().catch(() => {});
  }
}
