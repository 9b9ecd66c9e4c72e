import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import autocannon from "autocannon";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { IMPORT_KINDS, MAX_IMPORT_ROWS } from "@/lib/imports/import-types";
import { importCsv } from "@/lib/imports/run-import";
import type { LedgerFile } from "./generate-ledger";

/** What the benchmarks share: loading a synthetic ledger, load generation, a plain server to compare with. */

export const log = (line: string) => process.stderr.write(line + "\n");

/**
 * Imports the four files in parts of at most `rowsPerFile` rows (half an import's limit unless
 * asked), as an administrator would; the seconds each kind took.
 */
export async function importInParts(
  /** Each file as its text, or as its lines (header first). */
  files: Record<LedgerFile, string | string[]>,
  today?: Date,
  rowsPerFile = MAX_IMPORT_ROWS / 2,
): Promise<Record<(typeof IMPORT_KINDS)[number], number>> {
  const seconds = { units: 0, channels: 0, mandates: 0, reports: 0 };
  for (const kind of IMPORT_KINDS) {
    const file = files[kind];
    const [header, ...lines] = typeof file === "string" ? file.trimEnd().split("\n") : file;
    for (let first = 0; first < lines.length; first += rowsPerFile) {
      const text = [header, ...lines.slice(first, first + rowsPerFile)].join("\n") + "\n";
      const start = performance.now();
      const r = await importCsv(CLI_ACTOR, {
        kind,
        text,
        dryRun: false,
        recomputeFlags: false,
        ...(today ? { today } : {}),
      });
      seconds[kind] += (performance.now() - start) / 1000;
      if (r.issues.length) throw new Error(`${kind}: ${JSON.stringify(r.issues.slice(0, 3))}`);
    }
    log(`  imported ${kind} in ${seconds[kind].toFixed(1)} s`);
  }
  return seconds;
}

/** autocannon: 100 connections for 10 s. */
export async function load(url: string) {
  const r = await autocannon({ url, connections: 100, duration: 10 });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx };
}

const PLAIN_SERVER = `
const http = require("node:http"), fs = require("node:fs");
const [port, dir] = process.argv.slice(1);
const page = fs.readFileSync(dir + "/fingertip-plain-page.html"), summary = fs.readFileSync(dir + "/fingertip-plain-summary.json");
http.createServer((req, res) => {
  const html = req.url === "/";
  res.writeHead(200, { "content-type": html ? "text/html; charset=utf-8" : "application/json" });
  res.end(html ? page : summary);
}).listen(Number(port), "127.0.0.1");`;

/** A plain Node.js http server in a process of its own, sending the page's and the summary's bytes. */
export function startPlainServer(port: number, page: string, summary: string): ChildProcess {
  fs.writeFileSync(`${os.tmpdir()}/fingertip-plain-page.html`, page);
  fs.writeFileSync(`${os.tmpdir()}/fingertip-plain-summary.json`, summary);
  return spawn(process.execPath, ["-e", PLAIN_SERVER, String(port), os.tmpdir()], { stdio: "ignore" });
}

export const machine = () =>
  `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
