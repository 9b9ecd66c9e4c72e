import fs from "node:fs";
import path from "node:path";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { exportLedger } from "@/lib/exports/export-ledger";
import { importCsv } from "./run-import";

const SAMPLE = path.join(import.meta.dirname, "../../e2e/data/sample");
const KINDS = ["units", "channels", "mandates", "reports"] as const;

describe("a sample county saved by Excel on a Chinese Windows (GBK)", () => {
  it("imports with the notice, and to the same ledger as its UTF-8 twin", async () => {
    const utf8 = Object.fromEntries(KINDS.map((k) => [k, fs.readFileSync(path.join(SAMPLE, `${k}.csv`))]));
    for (const kind of KINDS) {
      const gbk = iconv.encode(utf8[kind]!.toString("utf8"), "gb18030");
      expect(gbk.equals(utf8[kind]!), `${kind}: the twin differs in bytes`).toBe(false);
      const summary = await importCsv(CLI_ACTOR, { kind, text: gbk, dryRun: false, recomputeFlags: false });
      expect(summary.issues, kind).toEqual([]);
      expect(summary.encoding, kind).toBe("gb18030");
      expect(summary.created, kind).toBeGreaterThan(0);
    }
    // The UTF-8 twin, imported on top, finds every row already there, unchanged.
    for (const kind of KINDS) {
      const summary = await importCsv(CLI_ACTOR, { kind, text: utf8[kind]!, dryRun: true });
      expect(summary.encoding, kind).toBe("utf-8");
      expect([summary.created, summary.updated, summary.issues.length], kind).toEqual([0, 0, 0]);
    }
    expect(await exportLedger(CLI_ACTOR, "channels", "csv")).toContain("学习强国");
  }, 180_000);
});
