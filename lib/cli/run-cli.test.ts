import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createPgDatabase, dropPgDatabase, makeTempDir, uniqueName } from "@/testing/test-databases";

/** Runs the real CLI as a newcomer would, and returns what they would see. */
function cli(args: string[], env: Record<string, string | undefined>) {
  const result = spawnSync("npx", ["tsx", "--conditions=react-server", "lib/cli/main.ts", ...args], {
    env: { ...process.env, DATABASE_URL: undefined, FINGERTIP_DATA_DIR: undefined, ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: result.status, stderr: result.stderr.trim() };
}

function expectOneClearLine(stderr: string, pattern: RegExp) {
  const lines = stderr.split("\n").filter(Boolean);
  expect(lines, stderr).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(stderr).not.toMatch(/^\s+at /m);
}

const made: string[] = [];
afterAll(async () => {
  for (const name of made) await dropPgDatabase(name);
});

describe("CLI faults give one clear line and a non-zero exit", () => {
  it("an unreachable DATABASE_URL", () => {
    const out = cli(["migrate"], { DATABASE_URL: "postgres://postgres@127.0.0.1:1/nowhere" });
    expect(out.code).toBe(1);
    expectOneClearLine(out.stderr, /^Error: .*PostgreSQL at 127\.0\.0\.1:1\/nowhere.*(reach|connect)/i);
  });

  it("an embedded database folder already in use", () => {
    const dir = makeTempDir("fingertip-busy");
    fs.writeFileSync(path.join(dir, "fingertip.lock"), String(process.pid));
    const out = cli(["migrate"], { FINGERTIP_DATA_DIR: dir });
    expect(out.code).toBe(1);
    expectOneClearLine(out.stderr, new RegExp(`in use by another process \\(pid ${process.pid}\\)`));
  });

  it("a PostgreSQL database with migrations missing, then fixed by migrate", async () => {
    const name = uniqueName("fingertip_cli");
    made.push(name);
    const url = await createPgDatabase(name);
    const before = cli(["prepare"], { DATABASE_URL: url });
    expect(before.code).toBe(1);
    expect(before.stderr).toMatch(/missing \d+ migration\(s\).*npm run cli -- migrate/);
    expect(cli(["migrate"], { DATABASE_URL: url }).code).toBe(0);
    expect(cli(["prepare"], { DATABASE_URL: url }).code).toBe(0);
  });

  it("an embedded database created but not migrated", () => {
    // Any command but migrate, prepare and seed on a new folder (it printed a bare "Error: " before).
    const out = cli(["flags", "list", "--json"], {
      FINGERTIP_DATA_DIR: path.join(makeTempDir("fingertip-unmigrated"), "data"),
    });
    expect(out.code).toBe(1);
    expectOneClearLine(out.stderr, /^Error: the database is not migrated: run npm run cli -- migrate/);
  });

  it("an unknown command shows the usage", () => {
    const out = cli(["frobnicate"], {});
    expect(out.code).toBe(2);
    expect(out.stderr).toContain("Usage: npm run cli -- <command>");
  });
});
