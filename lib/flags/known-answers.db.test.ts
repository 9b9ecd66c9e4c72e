import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "@/lib/cli/run-cli";
import { getDb } from "@/lib/db/client";
import { DETECTORS } from "./registry";
import { makeTempDir } from "@/testing/test-databases";

/*
 * The ledger of fixtures/known-answers, in the brief's CSV formats, through the command line as a
 * newcomer runs it: every flag expected.json lists is reported by `flags list --json`, and no
 * other, of every kind.
 */
const FIXTURES = path.join(import.meta.dirname, "fixtures/known-answers");
const DAY_MS = 86_400_000;

type Expected = { kind: string; unit?: string; channels: string[]; reporter?: string };
type Listed = Expected & { severity: number; status: string; explanation: string; evidence: unknown };

/** The fixture files with {today-N} as the date N days before today (idle and recent use depend on it). */
function materialise(): Record<"units" | "channels" | "mandates" | "reports", string> {
  const dir = makeTempDir("fingertip-known");
  const files = {} as Record<"units" | "channels" | "mandates" | "reports", string>;
  for (const kind of ["units", "channels", "mandates", "reports"] as const) {
    const text = fs
      .readFileSync(path.join(FIXTURES, `${kind}.csv`), "utf8")
      .replace(/\{today-(\d+)\}/g, (_, n: string) =>
        new Date(Date.now() - Number(n) * DAY_MS).toISOString().slice(0, 10),
      );
    files[kind] = path.join(dir, `${kind}.csv`);
    fs.writeFileSync(files[kind], text);
  }
  return files;
}

const keyOf = (f: Expected) => [f.kind, f.unit ?? "", [...f.channels].sort().join("+"), f.reporter ?? ""].join(" ");

describe("flags of a ledger with known answers, through the command line", () => {
  it("flags list --json reports each expected flag and no other", async () => {
    const files = materialise();
    for (const kind of ["units", "channels", "mandates", "reports"] as const)
      expect(await runCli(["import", kind, files[kind]]), kind).toBe(0);
    // The listing in a process of its own, as `npm run cli -- flags list --json | jq` would read it.
    const out = spawnSync("npx", ["tsx", "--conditions=react-server", "lib/cli/main.ts", "flags", "list", "--json"], {
      env: process.env,
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(out.status, out.stderr).toBe(0);
    const listed = JSON.parse(out.stdout) as Listed[];
    const expected = (
      JSON.parse(fs.readFileSync(path.join(FIXTURES, "expected.json"), "utf8")) as { flags: Expected[] }
    ).flags;
    expect(listed.map(keyOf).sort()).toEqual(expected.map(keyOf).sort());
    for (const f of listed) {
      expect([1, 2, 3]).toContain(f.severity);
      expect(f.status).toBe("open");
      expect(f.explanation.length, keyOf(f)).toBeGreaterThan(10);
      expect(f.evidence, keyOf(f)).toBeTruthy();
    }
  });

  it("each flag is explained and scoped as its kind declares (lib/flags/kinds)", async () => {
    // Runs after the import above: the same database.
    const db = await getDb();
    const flags = await db.flag.findMany({
      select: { id: true, kind: true, explanation: true, unitId: true, scopeUnitId: true },
    });
    expect(new Set(flags.map((f) => f.kind)).size).toBeGreaterThanOrEqual(8);
    for (const f of flags) {
      const declared = DETECTORS.filter((d) => d.kind === f.kind);
      const key = (f.explanation as { key: string }).key;
      expect(
        declared.flatMap((d) => d.explains.map((v) => `flag.${v}`)),
        `${f.kind} ${key}`,
      ).toContain(key);
      // A kind whose detectors all declare the unit's reviewers is scoped to its unit.
      if (declared.every((d) => d.scope === "unit")) expect(f.scopeUnitId, `${f.kind} #${f.id}`).toBe(f.unitId);
    }
  });
});
