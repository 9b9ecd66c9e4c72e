import { CLI_ACTOR } from "@/lib/auth/actor";
import { listCatalogue } from "@/lib/channels/manage-channels";
import { closeDb, getDb, getOpenedDatabase } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/schema-engine";
import { createPgDatabase, dropPgDatabase, uniqueName } from "@/testing/test-databases";
import { listUsers } from "@/lib/users/users";

/*
 * The administration at a province's size: 10,000 accounts and 5,000 channels in a throwaway
 * PostgreSQL database. Times what each page load of /admin/users and /admin/channels asks of the
 * database (the page's rows and its count), for the views an administrator uses: the first page,
 * a page deep in the list, a search, and each filter. p50 / p95 of 30 loads each.
 */
const USERS = 10_000;
const CHANNELS = 5_000;
const quantile = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;

async function time(run: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  await run(); // the first load warms the plan cache, as the page's previous visitor did
  const times: number[] = [];
  for (let i = 0; i < 30; i++) {
    const t = performance.now();
    await run();
    times.push(performance.now() - t);
  }
  return { p50: quantile(times, 0.5), p95: quantile(times, 0.95) };
}

export async function benchAdmin(): Promise<string[]> {
  const name = uniqueName("fingertip_bench_admin");
  process.env.DATABASE_URL = await createPgDatabase(name);
  try {
    await applyMigrations((await getOpenedDatabase()).factory);
    const db = await getDb();
    // A county of 100 townships with 10 villages each; accounts spread over the villages.
    await db.$executeRawUnsafe(
      `INSERT INTO units (code, name, level, path, updated_at) VALUES ('B0', '基准县', 'county', '/', now())`,
    );
    await db.$executeRawUnsafe(`UPDATE units SET path = '/' || id || '/' WHERE code = 'B0'`);
    await db.$executeRawUnsafe(`INSERT INTO units (code, name, level, parent_id, path, updated_at)
      SELECT 'B0-' || t, '第' || t || '镇', 'township'::"UnitLevel", c.id, c.path, now() FROM units c, generate_series(1, 100) t WHERE c.code = 'B0'`);
    await db.$executeRawUnsafe(`UPDATE units SET path = path || id || '/' WHERE level = 'township'`);
    await db.$executeRawUnsafe(`INSERT INTO units (code, name, level, parent_id, path, updated_at)
      SELECT s.code || '-' || v, s.name || v || '村', 'village'::"UnitLevel", s.id, s.path, now() FROM units s, generate_series(1, 10) v WHERE s.level = 'township'`);
    await db.$executeRawUnsafe(`UPDATE units SET path = path || id || '/' WHERE level = 'village'`);
    await db.$executeRawUnsafe(`INSERT INTO users (login, name, role, unit_id, password_hash, updated_at)
      SELECT 'user' || i, '工作人员' || i, (CASE WHEN i % 100 = 0 THEN 'REVIEWER' WHEN i % 1000 = 1 THEN 'ADMIN' ELSE 'STAFF' END)::"Role",
             (SELECT id FROM units WHERE level = 'village' ORDER BY id OFFSET (i % 1000) LIMIT 1), 'x', now()
      FROM generate_series(1, ${USERS}) i`);
    await db.$executeRawUnsafe(`INSERT INTO channels (name, normalized_name, initials, kind, purpose, proposed_by_id, updated_at)
      SELECT '渠道' || i, '渠道' || i, 'qd' || i, (ARRAY['app','mini_program','wechat_group','official_account'])[1 + i % 4]::"ChannelKind",
             (ARRAY['reporting','learning','service','other'])[1 + i % 4]::"Purpose", CASE WHEN i % 50 = 0 THEN 1 END, now()
      FROM generate_series(1, ${CHANNELS}) i`);
    await db.$executeRawUnsafe("VACUUM ANALYZE");
    const views: [string, () => Promise<unknown>][] = [
      ["users: first page", () => listUsers(CLI_ACTOR, {})],
      ["users: page 50", () => listUsers(CLI_ACTOR, { page: 50 })],
      ["users: search “工作人员99”", () => listUsers(CLI_ACTOR, { q: "工作人员99" })],
      ["users: role reviewer", () => listUsers(CLI_ACTOR, { role: "REVIEWER" })],
      ["users: a township's subtree", () => listUsers(CLI_ACTOR, { unitCode: "B0-7" })],
      ["catalogue: first page", () => listCatalogue(CLI_ACTOR, {})],
      ["catalogue: page 60", () => listCatalogue(CLI_ACTOR, { page: 60 })],
      ["catalogue: search “渠道42”", () => listCatalogue(CLI_ACTOR, { q: "渠道42" })],
      ["catalogue: kind and purpose", () => listCatalogue(CLI_ACTOR, { kind: "wechat_group", purpose: "learning" })],
      ["catalogue: proposals awaiting review", () => listCatalogue(CLI_ACTOR, { proposed: true })],
    ];
    const rows: string[] = [];
    for (const [view, run] of views) {
      const { p50, p95 } = await time(run);
      rows.push(`| ${view} | ${p50.toFixed(1)} | ${p95.toFixed(1)} |`);
      process.stderr.write(`  admin ${view}: p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms\n`);
    }
    return [
      `Administration at a province's size: ${USERS.toLocaleString("en")} accounts and ${CHANNELS.toLocaleString("en")} channels (PostgreSQL). What one page load asks of the database (its rows and its count), 30 loads each; the target is p95 under 300 ms.`,
      "",
      "| view | p50 ms | p95 ms |",
      "|---|---|---|",
      ...rows,
    ];
  } finally {
    await closeDb();
    await dropPgDatabase(name);
  }
}
