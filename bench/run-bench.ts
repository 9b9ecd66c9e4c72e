import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { closeDb, getDb, getOpenedDatabase } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/schema-engine";
import { recomputeFlagsForReport } from "@/lib/flags/recompute-for-report";
import { recomputeFlags } from "@/lib/flags/recompute-flags";
import { createPgDatabase, dropPgDatabase, uniqueName } from "@/testing/test-databases";
import { benchAdmin } from "./admin-bench";
import { importInParts } from "./bench-tools";
import { generateLedger } from "./generate-ledger";

/*
 * npm run bench [-- 10000 100000 1000000]: for each size, a throwaway PostgreSQL database with a
 * synthetic ledger; times a plain sequential scan of the ledger tables, a full flag recompute, and
 * the recompute after one saved report (p50, p95), and prints each as a ratio to the scan.
 */
const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
// `npm run bench -- admin`: the administration pages alone.
const adminOnly = process.argv.slice(2).includes("admin");
const log = (line: string) => process.stderr.write(line + "\n");
const ms = (start: number) => performance.now() - start;
const quantile = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;

async function benchOne(reports: number) {
  const name = uniqueName("fingertip_bench");
  process.env.DATABASE_URL = await createPgDatabase(name);
  try {
    await applyMigrations((await getOpenedDatabase()).factory);
    const files = generateLedger({ reports });
    let t = performance.now();
    await importInParts(files, new Date("2026-11-01T00:00:00Z"));
    const importMs = ms(t);
    const db = await getDb();
    // The ledger as autovacuum leaves it between an import and the next routine work; the scan
    // below is measured on the same state.
    await db.$executeRawUnsafe("VACUUM ANALYZE");
    const counts = {
      units: await db.unit.count(),
      channels: await db.channel.count(),
      mandates: await db.mandate.count(),
      reports: await db.report.count(),
    };
    // The median of three scans: one alone varied by a third from run to run here.
    const scans: number[] = [];
    for (let i = 0; i < 3; i++) {
      t = performance.now();
      await db.$queryRaw`SELECT (SELECT sum(length(r::text)) FROM reports r) + (SELECT sum(length(m::text)) FROM mandates m) + (SELECT sum(length(u::text)) FROM units u) + (SELECT sum(length(c::text)) FROM channels c) AS n`;
      scans.push(ms(t));
    }
    const scanMs = quantile(scans, 0.5);
    t = performance.now();
    const full = await recomputeFlags(CLI_ACTOR);
    const coldMs = ms(t);
    // Warm: the flags exist and 1% of the reports changed since, as after a routine import.
    await db.$executeRaw`UPDATE reports SET minutes_per_week = minutes_per_week + 1 WHERE id % 100 = 0`;
    t = performance.now();
    const warm = await recomputeFlags(CLI_ACTOR);
    const warmMs = ms(t);
    const ids = (await db.report.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((r) => r.id);
    const times: number[] = [];
    for (let i = 0; i < 200; i++) {
      const id = ids[(i * 7919) % ids.length]!;
      await db.report.updateMany({ where: { id }, data: { minutesPerWeek: { increment: 1 } } });
      t = performance.now();
      await recomputeFlagsForReport(id);
      times.push(ms(t));
    }
    return {
      reports,
      counts,
      importMs,
      scanMs,
      coldMs,
      warmMs,
      warmChanged: warm.updated + warm.created + warm.resolved,
      flags: full.findings,
      p50: quantile(times, 0.5),
      p95: quantile(times, 0.95),
    };
  } finally {
    await closeDb();
    await dropPgDatabase(name);
  }
}

const results = [];
for (const size of adminOnly ? [] : sizes.length ? sizes : [10_000, 100_000]) {
  log(`bench: ${size} self-reports…`);
  const r = await benchOne(size);
  results.push(r);
  log(`  ${JSON.stringify(r)}`);
}
const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, PostgreSQL at 127.0.0.1`;
const commit = (() => {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
  } catch {
    return "unknown";
  }
})();
const table = [
  `Measured ${new Date().toISOString().slice(0, 10)} on ${machine}, commit ${commit}.`,
  "",
  "| reports | units | channels | mandates | import s | scan ms | flags | full recompute, cold ms (× scan) | full recompute, warm ms (× scan; flags rewritten) | after one report p50 / p95 ms (p95 × scan) |",
  "|---|---|---|---|---|---|---|---|---|---|",
  ...results.map(
    (r) =>
      `| ${r.reports} | ${r.counts.units} | ${r.counts.channels} | ${r.counts.mandates} | ${(r.importMs / 1000).toFixed(1)} | ${r.scanMs.toFixed(0)} | ${r.flags} | ${r.coldMs.toFixed(0)} (${(r.coldMs / r.scanMs).toFixed(1)}×) | ${r.warmMs.toFixed(0)} (${(r.warmMs / r.scanMs).toFixed(1)}×; ${r.warmChanged}) | ${r.p50.toFixed(0)} / ${r.p95.toFixed(0)} (${(r.p95 / r.scanMs).toFixed(2)}×) |`,
  ),
  "",
  "Cold: every flag is created (first recompute of a new ledger). Warm: the flags exist and 1% of the reports changed (a routine recompute).",
];
const admin = [
  `Measured ${new Date().toISOString().slice(0, 10)} on ${machine}, commit ${commit}.`,
  "",
  ...(await benchAdmin()),
];
process.stdout.write([...(adminOnly ? [] : table), "", ...admin].join("\n") + "\n");

/** The newest figures replace those between the markers; what is written around them (how to read them, earlier rows, what was tried) stays. */
function replaceSection(file: string, marker: string, lines: string[]) {
  const [BEGIN, END] = [`<!-- ${marker}:begin -->`, `<!-- ${marker}:end -->`];
  const previous = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "# Flag engine benchmark (npm run bench)\n";
  const section = `${BEGIN}\n${lines.join("\n")}\n${END}`;
  fs.writeFileSync(
    file,
    previous.includes(BEGIN) && previous.includes(END)
      ? previous.slice(0, previous.indexOf(BEGIN)) + section + previous.slice(previous.indexOf(END) + END.length)
      : `${previous.trimEnd()}\n\n${section}\n`,
  );
}
const out = process.env.BENCH_OUT ?? "bench/results.md";
if (!adminOnly) replaceSection(out, "bench", table);
replaceSection(out, "bench-admin", admin);
process.exit(0);
