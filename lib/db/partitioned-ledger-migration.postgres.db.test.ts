import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Client } from "pg";
import { createPgDatabase, dropPgDatabase, uniqueName } from "@/testing/test-databases";
import { listMigrationNames, MIGRATIONS_DIR } from "./migration-files";

// PostgreSQL only: the migrations are run one by one as SQL on a database of their own.
const PARTITIONING = "20261205000000_partitioned_ledger";
const name = uniqueName("fingertip_upgrade");
let client: Client | undefined;

afterAll(async () => {
  await client?.end();
  await dropPgDatabase(name);
});

const sqlOf = (migration: string) => fs.readFileSync(path.join(MIGRATIONS_DIR, migration, "migration.sql"), "utf8");

describe("the migration to a partitioned ledger", () => {
  it("upgrades a database holding a ledger: every row kept, each in its province's partition, keys and triggers working", async () => {
    client = new Client({ connectionString: await createPgDatabase(name) });
    await client.connect();
    const db = client;
    const q = async <T = Record<string, unknown>>(sql: string, params: unknown[] = []) =>
      (await db.query(sql, params)).rows as T[];
    const names = listMigrationNames();
    expect(names).toContain(PARTITIONING);
    const before = names.slice(0, names.indexOf(PARTITIONING));
    for (const m of before) await db.query(sqlOf(m));

    // A ledger as the previous version wrote it: two provinces, a report with history and a link
    // to a mandate from the province above, flags (one of the catalogue), a decision, three months of audit.
    await db.query(`
      INSERT INTO units (id, code, name, level, parent_id, path, updated_at) VALUES
        (1, 'P', '甲省', 'province', NULL, '/1/', now()), (2, 'K', '乙县', 'county', 1, '/1/2/', now()),
        (3, 'V', '丙村', 'village', 2, '/1/2/3/', now()), (4, 'Q', '丁省', 'province', NULL, '/4/', now());
      SELECT setval('units_id_seq', 4);
      INSERT INTO users (id, login, name, role, unit_id, updated_at) VALUES (1, 's', 's', 'STAFF', 3, now()), (2, 'r', 'r', 'REVIEWER', NULL, now());
      INSERT INTO channels (id, name, normalized_name, kind, purpose, updated_at) VALUES (1, '政务通', '政务通', 'app', 'service', now()), (2, '政务通APP', '政务通app', 'app', 'service', now());
      INSERT INTO mandates (id, issuer_unit_id, target_unit_id, applies_to_subtree, channel_id, updated_at) VALUES (1, 1, 1, true, 1, now()), (2, 2, 3, false, 2, now());
      SELECT setval('mandates_id_seq', 2);
      INSERT INTO reports (id, reporter_id, unit_id, channel_id, updated_at, version) VALUES (1, 1, 3, 1, now(), 2);
      SELECT setval('reports_id_seq', 1);
      INSERT INTO report_history (report_id, version, snapshot) VALUES (1, 1, '{}');
      INSERT INTO report_mandates (report_id, mandate_id) VALUES (1, 1);
      INSERT INTO flags (id, kind, subject_key, severity, unit_id, explanation, evidence) VALUES
        (1, 'zombie', 'zombie:3:1', 2, 3, '{}', '{}'), (2, 'duplicate_channel', 'duplicate_channel:1:2', 2, NULL, '{}', '{}');
      SELECT setval('flags_id_seq', 2);
      INSERT INTO flag_decisions (flag_id, reviewer_id, decision) VALUES (1, 2, 'confirm');
      INSERT INTO audit_log (at, action, entity) VALUES ('2025-06-03', 'old', 'x'), ('2026-11-20', 'nov', 'x'), ('2026-12-01', 'dec', 'x');
    `);

    // This migration, then every one after it, as an upgrade runs them.
    for (const m of names.slice(names.indexOf(PARTITIONING))) await db.query(sqlOf(m));

    expect(await q(`SELECT code, province_id FROM units ORDER BY id`)).toEqual([
      { code: "P", province_id: 1 },
      { code: "K", province_id: 1 },
      { code: "V", province_id: 1 },
      { code: "Q", province_id: 4 },
    ]);
    const partitions = await q<{ t: string; parent: string }>(`
      SELECT c.relname AS t, p.relname AS parent FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent
      WHERE p.relname IN ('reports', 'flags', 'audit_log') ORDER BY 1`);
    expect(partitions.filter((p) => p.parent === "reports")).toHaveLength(8);
    expect(partitions.map((p) => p.t)).toEqual(
      expect.arrayContaining(["audit_log_2025_06", "audit_log_2026_11", "audit_log_2026_12"]),
    );
    expect(
      await q(`
      SELECT 'reports' AS t, province_id AS p, count(*)::int AS n FROM reports GROUP BY 2
      UNION ALL SELECT 'history', province_id, count(*)::int FROM report_history GROUP BY 2
      UNION ALL SELECT 'links', province_id, count(*)::int FROM report_mandates GROUP BY 2
      UNION ALL SELECT 'mandates', province_id, count(*)::int FROM mandates GROUP BY 2
      UNION ALL SELECT 'flags', province_id, count(*)::int FROM flags GROUP BY 2
      UNION ALL SELECT 'decisions', province_id, count(*)::int FROM flag_decisions GROUP BY 2 ORDER BY 1, 2`),
    ).toEqual([
      { t: "decisions", p: 1, n: 1 },
      { t: "flags", p: 0, n: 1 },
      { t: "flags", p: 1, n: 1 },
      { t: "history", p: 1, n: 1 },
      { t: "links", p: 1, n: 1 },
      { t: "mandates", p: 1, n: 2 },
      { t: "reports", p: 1, n: 1 },
    ]);
    expect(await q(`SELECT action, tableoid::regclass::text AS part FROM audit_log ORDER BY at`)).toEqual([
      { action: "old", part: "audit_log_2025_06" },
      { action: "nov", part: "audit_log_2026_11" },
      { action: "dec", part: "audit_log_2026_12" },
    ]);

    // Ids continue after the copied rows; the audit log still refuses to change.
    expect(
      await q(
        `INSERT INTO reports (province_id, reporter_id, unit_id, channel_id, updated_at) VALUES (1, 1, 3, 2, now()) RETURNING id`,
      ),
    ).toEqual([{ id: 2 }]);
    await expect(db.query(`DELETE FROM audit_log`)).rejects.toThrow();
    await expect(
      db.query(`INSERT INTO report_history (province_id, report_id, version, snapshot) VALUES (4, 1, 9, '{}')`),
    ).rejects.toThrow(/foreign key/);

    // The county moves to the other province: its reports, their history and links, its mandates and flags follow.
    await db.query(
      `UPDATE units SET parent_id = 4, path = '/4/2/' WHERE id = 2; UPDATE units SET path = '/4/2/3/' WHERE id = 3`,
    );
    expect(
      await q(`
      SELECT (SELECT array_agg(DISTINCT province_id) FROM reports) AS reports, (SELECT array_agg(DISTINCT province_id) FROM report_history) AS history,
             (SELECT array_agg(DISTINCT province_id) FROM report_mandates) AS links, (SELECT array_agg(province_id ORDER BY id) FROM mandates) AS mandates,
             (SELECT array_agg(province_id ORDER BY id) FROM flags) AS flags, (SELECT array_agg(province_id) FROM flag_decisions) AS decisions`),
    ).toEqual([{ reports: [4], history: [4], links: [4], mandates: [1, 4], flags: [4, 0], decisions: [4] }]);
  });
});
