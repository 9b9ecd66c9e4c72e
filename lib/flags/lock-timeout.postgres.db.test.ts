import { describe, expect, it } from "vitest";
import { Client } from "pg";
import { getDb } from "@/lib/db/client";
import { importCsv } from "@/lib/imports/run-import";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { recomputeFlagsForReport } from "./recompute-for-report";

// PostgreSQL only (the vitest config leaves it out on PGlite, which has one session).
const TODAY = new Date("2026-11-01T00:00:00Z");

describe("a report saved while a first recompute holds the flags table", () => {
  it("gives up its own recompute after 3 s instead of keeping the person waiting", async () => {
    await importCsv(CLI_ACTOR, {
      kind: "units",
      text: "code,name,level,parent_code\nL1,Lock County,county,\n",
      dryRun: false,
      today: TODAY,
    });
    await importCsv(CLI_ACTOR, {
      kind: "channels",
      text: "name,kind,operator,platform_id,aliases,purpose\nLockApp,app,L1,,,learning\n",
      dryRun: false,
      today: TODAY,
    });
    await importCsv(CLI_ACTOR, {
      kind: "reports",
      text: "unit_code,reporter,channel,accounts,minutes_per_week,installed_on,last_used_on,only_for_figures,usefulness\nL1,lk1,LockApp,1,30,2025-01-01,,false,1\n",
      dryRun: false,
      today: TODAY,
    });
    const report = await (await getDb()).report.findFirstOrThrow();
    // What setAsideIndexes holds until its transaction ends.
    const holder = new Client({ connectionString: process.env.DATABASE_URL });
    await holder.connect();
    try {
      await holder.query("BEGIN; LOCK TABLE flags IN ACCESS EXCLUSIVE MODE");
      const started = performance.now();
      await expect(recomputeFlagsForReport(report.id, TODAY)).rejects.toThrow(/lock timeout/i);
      expect(performance.now() - started).toBeLessThan(10_000);
    } finally {
      await holder.query("ROLLBACK");
      await holder.end();
    }
    expect(await recomputeFlagsForReport(report.id, TODAY)).not.toBeNull();
  });
});
