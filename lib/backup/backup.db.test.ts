import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { closeDb, getDb, getOpenedDatabase } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/schema-engine";
import { seedDemo } from "@/lib/demo/seed-demo";
import { releasePublicFiguresNow } from "@/lib/public/release-now";
import { createPgDatabase, dropPgDatabase, makeTempDir, uniqueName } from "@/testing/test-databases";
import { backupTo } from "./backup";
import { restoreFrom } from "./restore";
import { ledgerTables } from "./table-order";

/** Each table's row count and a digest of its rows in key order. */
async function fingerprint(): Promise<Record<string, string>> {
  const db = await getDb();
  const out: Record<string, string> = {};
  for (const t of await ledgerTables(db)) {
    const order = t.keys.map((k) => `"${k}"`).join(", ");
    const [row] = await db.$queryRawUnsafe<{ n: bigint; digest: string | null }[]>(
      `SELECT count(*) AS n, md5(string_agg(row_to_json(t)::text, '|' ORDER BY ${order})) AS digest FROM "${t.name}" t`,
    );
    out[t.name] = `${row!.n}:${row!.digest}`;
  }
  return out;
}

describe("backup and restore", () => {
  it("restores into a fresh database exactly what was backed up, and the restored ledger keeps working", async () => {
    const db = await getDb();
    await seedDemo(db, new Date("2026-11-01T00:00:00Z"));
    // A unit whose parent was created after it: parents are filled in after all rows exist.
    const late = await db.unit.create({ data: { code: "LATE-PARENT", name: "后建上级", level: "county", path: "" } });
    const first = await db.unit.findFirstOrThrow({ where: { code: { not: "LATE-PARENT" } }, orderBy: { id: "asc" } });
    await db.unit.update({ where: { id: late.id }, data: { path: `/${late.id}/` } });
    await db.unit.update({ where: { id: first.id }, data: { parentId: late.id } });
    // A public release: its figures, and each place's detail in a row of its own.
    await releasePublicFiguresNow(CLI_ACTOR);
    const before = await fingerprint();
    expect(Number(before.public_release_places?.split(":")[0])).toBeGreaterThan(1);
    const file = path.join(makeTempDir("fingertip-backup"), "ledger.backup");
    await backupTo(CLI_ACTOR, file);

    // A fresh, empty database of the same kind.
    await closeDb();
    const saved = { url: process.env.DATABASE_URL, dir: process.env.FINGERTIP_DATA_DIR };
    const name = uniqueName("fingertip_restore");
    if (saved.url) process.env.DATABASE_URL = await createPgDatabase(name);
    else process.env.FINGERTIP_DATA_DIR = makeTempDir("fingertip-restore");
    try {
      await applyMigrations((await getOpenedDatabase()).factory);
      const counts = await restoreFrom(CLI_ACTOR, file);
      expect(counts.reports).toBeGreaterThan(300);
      expect(await fingerprint()).toEqual(before);
      // New rows continue after the restored ids; restoring again into a full database is refused.
      const restored = await getDb();
      const unit = await restored.unit.create({
        data: { code: "AFTER-RESTORE", name: "恢复后新建", level: "county", path: "" },
      });
      expect(unit.id).toBeGreaterThan(late.id);
      // Of the partitioned ledger tables too (their keys hold the province, or the month).
      const [ids] = await restored.$queryRaw<{ fresh: boolean; audit: boolean }[]>`
        SELECT nextval('reports_id_seq') > (SELECT max(id) FROM reports) AS fresh,
               nextval('audit_log_id_seq') > (SELECT max(id) FROM audit_log) AS audit`;
      expect(ids).toEqual({ fresh: true, audit: true });
      await expect(restoreFrom(CLI_ACTOR, file)).rejects.toMatchObject({
        fieldErrors: { file: ["database_not_empty"] },
      });
      fs.writeFileSync(`${file}.bad`, "not a backup");
      await expect(restoreFrom(CLI_ACTOR, `${file}.bad`)).rejects.toThrow();
    } finally {
      await closeDb();
      if (saved.url) {
        await dropPgDatabase(name);
        process.env.DATABASE_URL = saved.url;
      } else {
        fs.rmSync(process.env.FINGERTIP_DATA_DIR!, { recursive: true, force: true });
        process.env.FINGERTIP_DATA_DIR = saved.dir;
      }
    }
  }, 120_000);
});
