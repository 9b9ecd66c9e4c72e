import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { closeDb } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/prepare";
import { createPgDatabase, dropPgDatabase, makeTempDir, uniqueName } from "@/testing/test-databases";
import { missingAcks, runWriters, seedWriters, type Ack } from "./write-load";

/*
 * Durability, run by the Test command after the other data-layer tests (it restarts the shared
 * PostgreSQL server, so nothing else may be using it):
 *  1. many clients write self-reports while the PostgreSQL server is restarted; every acknowledged
 *     write must be there afterwards, and the same process must go on writing (no app restart);
 *  2. a process writing into the embedded database is killed with SIGKILL; reopened, the folder
 *     must hold every write that process acknowledged.
 * Exits non-zero if anything acknowledged is missing.
 */
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const fail: string[] = [];

function run(command: string, args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit" });
    child.on("error", reject);
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

async function postgresRestart(): Promise<void> {
  const cluster = fs.readdirSync("/etc/postgresql")[0];
  if (!cluster) throw new Error("no PostgreSQL cluster under /etc/postgresql to restart");
  const name = uniqueName("fingertip_durability");
  process.env.DATABASE_URL = await createPgDatabase(name);
  delete process.env.FINGERTIP_DATA_DIR;
  try {
    await migrateDatabase();
    const { users, channelIds } = await seedWriters(16, 2000);
    const acks: Ack[] = [];
    let failedAttempts = 0;
    let restartedAt = 0;
    // The app logs each lost connection and failed write; counted here rather than printed.
    let appLogLines = 0;
    const { error: logError, warn: logWarn } = console;
    console.error = console.warn = () => void appLogLines++;
    const started = Date.now();
    const writers = runWriters({
      users,
      channelIds,
      stop: () => Date.now() - started > 15_000,
      onAck: (a) => acks.push(a),
      onError: () => failedAttempts++,
    });
    await sleep(4000);
    const beforeRestart = acks.length;
    // A child process, not a synchronous call: the clients keep writing (and failing) while it restarts.
    const code = await run("pg_ctlcluster", ["--skip-systemctl-redirect", cluster, "main", "restart", "-m", "fast"]);
    if (code !== 0) throw new Error(`pg_ctlcluster restart exited with ${code}`);
    restartedAt = acks.length;
    await writers;
    Object.assign(console, { error: logError, warn: logWarn });
    const after = acks.length - restartedAt;
    const missing = await missingAcks(acks);
    console.log(
      `durability: PostgreSQL restarted mid-run: ${users.length} concurrent clients, ${acks.length} writes acknowledged ` +
        `(${beforeRestart} before the restart, ${after} after it, by the same process), ${failedAttempts} failed attempts retried, ` +
        `${appLogLines} error lines logged by the app, ${missing.length} acknowledged writes missing`,
    );
    if (missing.length)
      fail.push(`PostgreSQL: ${missing.length} acknowledged writes lost, e.g. ${JSON.stringify(missing[0])}`);
    if (after === 0) fail.push("PostgreSQL: no write succeeded after the restart: the app did not recover by itself");
    if (failedAttempts === 0) fail.push("PostgreSQL: the restart interrupted no write: the test did not test anything");
  } finally {
    await closeDb();
    await dropPgDatabase(name);
  }
}

async function pgliteKill(): Promise<void> {
  const dir = makeTempDir("fingertip-durability");
  delete process.env.DATABASE_URL;
  process.env.FINGERTIP_DATA_DIR = dir;
  const seedFile = `${dir}.seed.json`;
  try {
    await migrateDatabase();
    fs.writeFileSync(seedFile, JSON.stringify(await seedWriters(8, 2000)));
    await closeDb();

    const acks: Ack[] = [];
    const child = spawn(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", path.join(import.meta.dirname, "pglite-writer.ts"), seedFile],
      {
        env: { ...process.env, FINGERTIP_DATA_DIR: dir },
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
      child.on("exit", (code, signal) => resolve(signal ?? code)),
    );
    let readyAt = 0;
    const lines = readline.createInterface({ input: child.stdout });
    lines.on("line", (line) => {
      if (line === "ready") readyAt = Date.now();
      const m = /^ack (\d+) (\d+) (\d+)$/.exec(line);
      if (m) acks.push({ userId: Number(m[1]), channelId: Number(m[2]), reportId: Number(m[3]) });
      // Killed in the middle of writing, not at a quiet moment.
      if (acks.length === 400) child.kill("SIGKILL");
    });
    const deadline = setTimeout(() => child.kill("SIGKILL"), 120_000);
    const how = await exited;
    clearTimeout(deadline);
    if (!readyAt) throw new Error("the writer never opened the embedded database");

    const missing = await missingAcks(acks); // reopens the folder, as the app would after a crash
    console.log(
      `durability: embedded database writer killed with ${how} mid-run: 8 concurrent clients, ${acks.length} writes acknowledged, ` +
        `${missing.length} missing after reopening the folder`,
    );
    if (how !== "SIGKILL") fail.push(`PGlite: the writer ended with ${how} before it was killed`);
    if (acks.length === 0) fail.push("PGlite: the writer acknowledged nothing: the test did not test anything");
    if (missing.length)
      fail.push(`PGlite: ${missing.length} acknowledged writes lost, e.g. ${JSON.stringify(missing[0])}`);
  } finally {
    await closeDb();
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(seedFile, { force: true });
  }
}

await postgresRestart();
await pgliteKill();
if (fail.length) {
  console.error(fail.map((f) => `FAILED ${f}`).join("\n"));
  process.exit(1);
}
console.log("durability: nothing acknowledged was lost");
