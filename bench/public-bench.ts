import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import { gzipSync } from "node:zlib";
import { closeDb, getOpenedDatabase } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/schema-engine";
import { createPgDatabase, dropPgDatabase, uniqueName } from "@/testing/test-databases";
import { waitFor } from "@/cluster/nginx";
import { importInParts, load, log, machine, startPlainServer } from "./bench-tools";
import { generateLedger } from "./generate-ledger";

/*
 * npm run bench:public [-- REPORTS]: the public page and GET /api/v1/public/summary under load
 * (autocannon, 100 connections, loopback) from the production build (`npm run build` first)
 * serving a synthetic ledger in a throwaway PostgreSQL database, against a plain Node.js http
 * server sending the same bytes, measured in the same run; and the first-load JavaScript of `/`
 * (gzip) beside that of an empty page of the same build (/_not-found). Writes bench/public-results.md.
 */
const reports = Number(process.argv[2] ?? 1_000_000);
const APP_PORT = 3300;
const PLAIN_PORT = 3301;

async function firstLoadJs(base: string, path: string): Promise<number> {
  const html = await (await fetch(base + path)).text();
  const scripts = [...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)].map((m) => m[1]!);
  let total = 0;
  for (const src of new Set(scripts))
    total += gzipSync(Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer())).length;
  return total;
}

const name = uniqueName("fingertip_pubbench");
const url = await createPgDatabase(name);
process.env.DATABASE_URL = url;
let app: ChildProcess | undefined;
let plain: ChildProcess | undefined;
try {
  await applyMigrations((await getOpenedDatabase()).factory);
  const files = generateLedger({ reports });
  const units = files.units.trimEnd().split("\n").length - 1;
  await importInParts(files);
  await closeDb();
  // The production server as `npm start` runs it (Next.js behind the lean public path).
  app = spawn(process.execPath, ["--import", "tsx", "server/serve.ts"], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      PORT: String(APP_PORT),
      NODE_ENV: "production",
      NEXTAUTH_SECRET: "bench",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: "ignore",
  });
  const base = `http://127.0.0.1:${APP_PORT}`;
  await waitFor(`${base}/api/health`, 120);
  // The first request builds the public snapshot; the load starts after it.
  const t = performance.now();
  const summaryBody = await (await fetch(`${base}/api/v1/public/summary`)).text();
  const snapshotMs = performance.now() - t;
  const pageBody = await (await fetch(`${base}/`)).text();
  // A second request of each is kept by the lean path; from the third on they are served from memory.
  for (const path of ["/api/v1/public/summary", "/"]) await fetch(base + path);
  await new Promise((r) => setTimeout(r, 1000));
  const fromMemory = (await fetch(`${base}/`)).headers.get("content-security-policy")?.includes("'sha256-") ?? false;
  log(`the page is ${fromMemory ? "" : "NOT "}served from memory`);
  // The plain server in a process of its own, as the app is: neither shares autocannon's thread.
  plain = startPlainServer(PLAIN_PORT, pageBody, summaryBody);
  await waitFor(`http://127.0.0.1:${PLAIN_PORT}/`, 10);
  const rows = [];
  for (const path of ["/api/v1/public/summary", "/"]) {
    const a = await load(`${base}${path}`);
    const p = await load(`http://127.0.0.1:${PLAIN_PORT}${path}`);
    rows.push({ path, a, p });
    log(
      `${path}: app ${a.rps.toFixed(0)} rps p50 ${a.p50} p99 ${a.p99} (errors ${a.errors}); plain ${p.rps.toFixed(0)} rps`,
    );
  }
  const [pageJs, emptyJs] = [await firstLoadJs(base, "/"), await firstLoadJs(base, "/does-not-exist")];
  const table = [
    `# Public page benchmark (npm run bench:public)`,
    "",
    `Measured ${new Date().toISOString().slice(0, 10)} on ${machine()}; synthetic ledger of ${reports} self-reports (${units} units) in PostgreSQL; autocannon, 100 connections, 10 s, loopback, the app (\`npm start\`'s server) and the plain http server each in a process of its own. First request (builds the public snapshot): ${snapshotMs.toFixed(0)} ms. The public page ${fromMemory ? "was" : "was NOT"} served from memory (lean path).`,
    "",
    "| path | app rps | p50 ms | p99 ms | plain http rps | app / plain |",
    "|---|---|---|---|---|---|",
    ...rows.map(
      (r) =>
        `| ${r.path} | ${r.a.rps.toFixed(0)} | ${r.a.p50} | ${r.a.p99} | ${r.p.rps.toFixed(0)} | ${(r.a.rps / r.p.rps).toFixed(3)} |`,
    ),
    "",
    `First-load JavaScript of / (gzip): ${(pageJs / 1024).toFixed(1)} KB; of an empty page of the same build: ${(emptyJs / 1024).toFixed(1)} KB (difference ${((pageJs - emptyJs) / 1024).toFixed(1)} KB).`,
    "",
    "Under load both paths are answered by the lean path of `server/serve.ts` from memory, outside",
    "Next.js; every 15 s one request goes through Next.js for the freshness check. Requests that",
    "Next.js still renders — the first of each URL, signed-in visitors, in-app navigations — measured",
    "0.047 (summary) and 0.030 (page) of the plain server before the lean path, at 100,000 reports.",
  ];
  process.stdout.write(table.join("\n") + "\n");
  fs.writeFileSync(process.env.BENCH_OUT ?? "bench/public-results.md", table.join("\n") + "\n");
} finally {
  plain?.kill("SIGTERM");
  app?.kill("SIGTERM");
  await closeDb();
  await new Promise((r) => setTimeout(r, 1000));
  await dropPgDatabase(name).catch(() => {});
}
process.exit(0);
