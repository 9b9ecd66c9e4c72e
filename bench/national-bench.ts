import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { closeDb, getDb, getOpenedDatabase } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/schema-engine";
import { recomputeFlags } from "@/lib/flags/recompute-flags";
import { stopRecomputeQueue } from "@/lib/flags/recompute-queue";
import type { RecomputeSummary } from "@/lib/flags/save-findings";
import { releasePublicFiguresNow } from "@/lib/public/release-now";
import { createPgDatabase, dropPgDatabase, makeTempDir, uniqueName } from "@/testing/test-databases";
import { startInstance, startNginx, waitFor } from "@/cluster/nginx";
import { MAX_IMPORT_ROWS } from "@/lib/imports/import-types";
import { importInParts, load, log, machine, startPlainServer } from "./bench-tools";
import { generateLedgerLines } from "./generate-ledger";

/*
 * npm run bench:national [-- 1000000 2000000]: the national shape (31 provinces) at each size, in
 * a throwaway PostgreSQL database: the import of the four files, in files as large as an import
 * takes (1,000,000 rows; the reports' time apart); the first full recompute (every
 * flag created) in one pass, by province with one worker (this process) and by province with two
 * worker processes (`npm run cli -- worker`); a routine recompute by province (1% of the reports
 * changed) with two workers; the public release build (and the places it stored). At the first size (or --load-at N), the public page and
 * GET /api/v1/public/summary under load through nginx in front of two app instances (the
 * production build: `npm run build` first) against a plain Node.js server sending the same bytes.
 * Writes bench/national-results.md.
 */
const sizes = process.argv
  .slice(2)
  .filter((a, i, all) => all[i - 1] !== "--load-at")
  .map(Number)
  .filter((n) => n > 0);
const PROVINCES = 31;
const TODAY = new Date("2026-11-01T00:00:00Z");
const PORTS = { lb: 3310, a: 3311, b: 3312, plain: 3313 };
const seconds = (start: number) => (performance.now() - start) / 1000;

/** A first recompute: the flags are forgotten first, so every one is created again. */
async function firstRecompute(byRegion: boolean): Promise<{ s: number; summary: RecomputeSummary }> {
  const db = await getDb();
  await db.$executeRaw`TRUNCATE flags, flag_decisions`;
  await db.$executeRawUnsafe("VACUUM ANALYZE flags");
  const t = performance.now();
  const summary = await recomputeFlags(CLI_ACTOR, { today: TODAY, byRegion });
  return { s: seconds(t), summary };
}

/** Worker processes as `npm run cli -- worker` starts them, one worker each. */
function startWorkers(n: number, url: string): ChildProcess[] {
  return Array.from({ length: n }, () =>
    spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        "--conditions=react-server",
        "--max-semi-space-size=64",
        "lib/cli/main.ts",
        "worker",
        "--workers",
        "1",
      ],
      { env: { ...process.env, DATABASE_URL: url, NODE_OPTIONS: "--max-old-space-size=8192" }, stdio: "ignore" },
    ),
  );
}

async function benchOne(reports: number, withLoad: boolean) {
  const name = uniqueName("fingertip_national");
  const url = await createPgDatabase(name);
  process.env.DATABASE_URL = url;
  const children: ChildProcess[] = [];
  try {
    await applyMigrations((await getOpenedDatabase()).factory);
    const files = generateLedgerLines({ reports, provinces: PROVINCES });
    // Files as large as an import takes (1,000,000 rows): the reports' time is that of such files.
    const imported = await importInParts(files, TODAY, MAX_IMPORT_ROWS);
    const importS = Object.values(imported).reduce((a, b) => a + b, 0);
    let t = performance.now();
    const db = await getDb();
    await db.$executeRawUnsafe("VACUUM ANALYZE");
    const [counts] = await db.$queryRaw<{ units: number; mandates: number; reports: number; provinces: number }[]>`
      SELECT (SELECT count(*)::int FROM units) AS units, (SELECT count(*)::int FROM mandates) AS mandates,
             (SELECT count(*)::int FROM reports) AS reports, (SELECT count(DISTINCT province_id)::int FROM reports) AS provinces`;
    if (!counts) throw new Error("no counts");
    log(`  ${JSON.stringify({ importS, ...counts })}`);

    const onePass = await firstRecompute(false);
    log(`  one pass: ${onePass.s.toFixed(1)} s, ${onePass.summary.findings} flags`);
    process.env.FINGERTIP_RECOMPUTE_WORKERS = "1";
    const oneWorker = await firstRecompute(true);
    log(`  by province, 1 worker: ${oneWorker.s.toFixed(1)} s`);
    await stopRecomputeQueue();
    // Two worker processes take the jobs; this process only queues them.
    process.env.FINGERTIP_RECOMPUTE_WORKERS = "0";
    const workers = startWorkers(2, url);
    children.push(...workers);
    const twoWorkers = await firstRecompute(true);
    log(`  by province, 2 worker processes: ${twoWorkers.s.toFixed(1)} s`);
    await db.$executeRaw`UPDATE reports SET minutes_per_week = minutes_per_week + 1 WHERE id % 100 = 0`;
    t = performance.now();
    const routine = await recomputeFlags(CLI_ACTOR, { today: TODAY, byRegion: true });
    const routineS = seconds(t);
    log(`  routine, 2 worker processes: ${routineS.toFixed(1)} s (${routine.updated} rewritten)`);
    for (const w of workers) w.kill("SIGTERM");
    await stopRecomputeQueue();
    delete process.env.FINGERTIP_RECOMPUTE_WORKERS;
    const same = [oneWorker, twoWorkers].every((r) => r.summary.created === onePass.summary.created);

    t = performance.now();
    // Recorded when it fails: at the national shape the snapshot outgrew what one JSON string holds.
    const release = await releasePublicFiguresNow(CLI_ACTOR).then(
      () => `${seconds(t).toFixed(1)} s`,
      (error: unknown) =>
        `failed after ${seconds(t).toFixed(0)} s: ${String((error as Error).message ?? error).split("\n")[0]}`,
    );
    const [stored] = await db.$queryRaw<{ places: number; mb: number }[]>`
      SELECT count(*)::int AS places, (coalesce(sum(pg_column_size(detail)), 0) / 1048576.0)::float AS mb FROM public_release_places`;
    log(`  public release: ${release}, ${stored?.places} places, ${stored?.mb.toFixed(0)} MB`);
    const served = withLoad && !release.startsWith("failed") ? await loadThroughNginx(url) : null;
    return {
      reports,
      counts,
      importS,
      reportsImportS: imported.reports,
      onePass,
      oneWorker,
      twoWorkers,
      routineS,
      same,
      release: stored?.places ? `${release} (${stored.places} places, ${stored.mb.toFixed(0)} MB)` : release,
      served,
    };
  } finally {
    for (const c of children) c.kill("SIGTERM");
    await stopRecomputeQueue().catch(() => {});
    await closeDb();
    await new Promise((r) => setTimeout(r, 1000));
    await dropPgDatabase(name).catch(() => {});
  }
}

/** The public paths through nginx and two instances, and from a plain Node.js server of the same bytes. */
async function loadThroughNginx(url: string) {
  const dir = makeTempDir("fingertip-national");
  const env = { ...process.env, DATABASE_URL: url, NODE_ENV: "production" as const, NEXTAUTH_SECRET: "bench" };
  const children = [startInstance(env, PORTS.a, "ignore"), startInstance(env, PORTS.b, "ignore")];
  try {
    await Promise.all([PORTS.a, PORTS.b].map((p) => waitFor(`http://127.0.0.1:${p}/api/health`, 180)));
    children.push(startNginx(dir, PORTS.lb, [PORTS.a, PORTS.b]));
    const base = `http://127.0.0.1:${PORTS.lb}`;
    await waitFor(`${base}/api/health`, 30);
    const summary = await (await fetch(`${base}/api/v1/public/summary`)).text();
    const page = await (await fetch(`${base}/`)).text();
    // Each instance keeps the release in memory after its first requests of each path.
    for (let i = 0; i < 6; i++) for (const path of ["/api/v1/public/summary", "/"]) await fetch(base + path);
    children.push(startPlainServer(PORTS.plain, page, summary));
    await waitFor(`http://127.0.0.1:${PORTS.plain}/`, 10);
    const rows = [];
    for (const path of ["/api/v1/public/summary", "/"]) {
      const a = await load(base + path);
      const p = await load(`http://127.0.0.1:${PORTS.plain}${path}`);
      log(`  ${path}: nginx + 2 instances ${a.rps.toFixed(0)} rps (errors ${a.errors}); plain ${p.rps.toFixed(0)} rps`);
      rows.push({ path, a, p });
    }
    return rows;
  } finally {
    for (const c of children) c.kill("SIGTERM");
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// The public paths are loaded at the first size (`--load-at N` for another): each release keeps its figures in memory.
const loadAt = Number(process.argv[process.argv.indexOf("--load-at") + 1]) || sizes[0] || 1_000_000;
const results = [];
for (const size of sizes.length ? sizes : [1_000_000]) {
  log(`national bench: ${size} self-reports in ${PROVINCES} provinces…`);
  results.push(await benchOne(size, size === loadAt));
}
const loaded = results.find((r) => r.served);
const served = loaded?.served ?? [];
const table = [
  `Measured ${new Date().toISOString().slice(0, 10)} on ${machine()}, PostgreSQL at 127.0.0.1; synthetic ledgers of ${PROVINCES} provinces.`,
  "",
  "| reports | units | mandates | import s (four files) | of which reports s | first recompute: one pass s | by province, 1 worker s | by province, 2 worker processes s | routine, 2 workers s | public release | same flags |",
  "|---|---|---|---|---|---|---|---|---|---|---|",
  ...results.map(
    (r) =>
      `| ${r.counts.reports} | ${r.counts.units} | ${r.counts.mandates} | ${r.importS.toFixed(0)} | ${r.reportsImportS.toFixed(1)} | ${r.onePass.s.toFixed(1)} (${r.onePass.summary.findings} flags) | ${r.oneWorker.s.toFixed(1)} | ${r.twoWorkers.s.toFixed(1)} | ${r.routineS.toFixed(1)} | ${r.release} | ${r.same ? "yes" : "NO"} |`,
  ),
  "",
  `Public paths at ${loaded?.reports ?? "(no release built)"} reports through nginx in front of two app instances (autocannon, 100 connections, 10 s, loopback), against a plain Node.js server sending the same bytes:`,
  "",
  "| path | nginx + 2 instances rps | p50 ms | p99 ms | errors | plain Node.js rps | ratio |",
  "|---|---|---|---|---|---|---|",
  ...served.map(
    (r) =>
      `| ${r.path} | ${r.a.rps.toFixed(0)} | ${r.a.p50} | ${r.a.p99} | ${r.a.errors} | ${r.p.rps.toFixed(0)} | ${(r.a.rps / r.p.rps).toFixed(2)} |`,
  ),
];
process.stdout.write(table.join("\n") + "\n");
fs.writeFileSync(
  process.env.BENCH_OUT ?? "bench/national-results.md",
  ["# National-shape benchmark (npm run bench:national)", "", ...table, ""].join("\n"),
);
process.exit(0);
