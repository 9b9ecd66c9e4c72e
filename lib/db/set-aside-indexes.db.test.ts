import { describe, expect, it } from "vitest";
import { generateLedger } from "@/bench/generate-ledger";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { IMPORT_KINDS } from "@/lib/imports/import-types";
import { importCsv } from "@/lib/imports/run-import";
import { getDb } from "./client";
import { rawTransaction } from "./raw-transaction";
import { setAsideForBulkLoad } from "./set-aside-indexes";

/** The indexes and foreign keys of the ledger tables, as the catalogue defines them. */
async function catalogue(): Promise<string[]> {
  const db = await getDb();
  const rows = await db.$queryRaw<{ def: string }[]>`
    SELECT pg_get_indexdef(indexrelid) AS def FROM pg_index
    WHERE indrelid IN ('mandates'::regclass, 'reports'::regclass, 'report_mandates'::regclass)
    UNION ALL
    SELECT conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint
    WHERE conrelid IN ('mandates'::regclass, 'reports'::regclass, 'report_mandates'::regclass)
    ORDER BY 1`;
  return rows.map((r) => r.def);
}

describe("a bulk first load", () => {
  it("imports a ledger with its indexes and keys set aside, then puts them back as they were, links and all", async () => {
    const before = await catalogue();
    // 60,000 mandates: past the 50,000 at which a first load sets the indexes aside.
    const files = generateLedger({ reports: 30_000 });
    for (const kind of IMPORT_KINDS) {
      const result = await importCsv(CLI_ACTOR, {
        kind,
        text: files[kind],
        dryRun: false,
        today: new Date("2026-11-01T00:00:00Z"),
        recomputeFlags: false,
      });
      expect(result.issues, kind).toEqual([]);
    }
    expect(await catalogue()).toEqual(before);
    const db = await getDb();
    expect(await db.mandate.count()).toBeGreaterThanOrEqual(50_000);
    // Every link the rule gives is there, and no other.
    const [{ expected, stored }] = await db.$queryRaw<[{ expected: number; stored: number }]>`
      SELECT (SELECT count(*) FROM reports r JOIN units u ON u.id = r.unit_id
              JOIN mandates m ON m.channel_id = r.channel_id AND m.status = 'active'
              JOIN units t ON t.id = m.target_unit_id
              WHERE r.unit_id = m.target_unit_id OR (m.applies_to_subtree AND u.path LIKE t.path || '%'))::int AS expected,
             (SELECT count(*) FROM report_mandates)::int AS stored`;
    expect(stored).toBe(expected);
    expect(stored).toBeGreaterThan(0);
  }, 180_000);

  it("leaves a table alone when the load is small or the table already holds more", async () => {
    const before = await catalogue();
    await rawTransaction(async (tx) => {
      expect(await setAsideForBulkLoad(tx, ["mandates"], 49_999)).toBeNull();
      expect(await setAsideForBulkLoad(tx, ["mandates"], 100, 1)).toBeNull();
    });
    expect(await catalogue()).toEqual(before);
  });
});
