import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFromUser, CLI_ACTOR } from "@/lib/auth/actor";
import { loadSessionUser } from "@/lib/auth/session-user";
import { seedDemo } from "@/lib/demo/seed-demo";
import { exportLedger } from "@/lib/exports/export-ledger";
import { translator } from "@/lib/i18n/messages";
import { importCsv } from "@/lib/imports/run-import";
import { loadLatestRelease, makeRelease } from "@/lib/public/releases";
import { decideFlag } from "@/lib/review/decide-flag";
import { listQueue } from "@/lib/review/list-queue";
import { startReplicaPair, type ReplicaPair } from "@/testing/replica-pair";
import { closeDb, getDb } from "./client";
import { migrateDatabase } from "./prepare";
import { closeReplica, replicaStats, writePosition } from "./read-replica";

/*
 * A primary and a streaming standby of this test's own. With the standby's replay paused, what
 * was written since is on the primary only: a read that shows the older state came from the standby.
 */
let pair: ReplicaPair;
const t = translator("zh-CN");

beforeAll(async () => {
  const started = Date.now();
  const lap = (what: string) =>
    console.log(`replica test: ${what} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  pair = await startReplicaPair();
  lap("primary and standby started");
  await closeDb();
  process.env.DATABASE_URL = pair.primaryUrl;
  process.env.DATABASE_REPLICA_URL = pair.replicaUrl;
  await migrateDatabase();
  lap("migrated");
  await seedDemo(await getDb());
  lap("demo county loaded");
  await caughtUp();
}, 180_000);

afterAll(async () => {
  await closeReplica();
  await closeDb();
  delete process.env.DATABASE_REPLICA_URL;
  pair?.stop();
});

/** Waits until the standby has replayed everything the primary has written. */
async function caughtUp() {
  const target = await writePosition();
  for (let i = 0; i < 200; i++) {
    const [row] = await pair.onReplica(`SELECT pg_last_wal_replay_lsn() >= '${target}'::pg_lsn AS ok`);
    if (row?.ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("the standby did not catch up");
}

async function reviewer() {
  const db = await getDb();
  const user = await db.user.findUniqueOrThrow({ where: { login: "reviewer" } });
  return (await loadSessionUser({ uid: user.id, sv: user.sessionVersion }))!;
}

const channelLine = (name: string) => `name,kind,operator,platform_id,aliases,purpose\n${name},app,,,,service\n`;

/** A department's new mandate on a village: one more in the public figures at the next release. */
async function newMandate(channel: string) {
  const db = await getDb();
  const department = await db.unit.findFirstOrThrow({ where: { level: "department" }, orderBy: { code: "asc" } });
  const village = await db.unit.findFirstOrThrow({ where: { level: "village" }, orderBy: { code: "asc" } });
  const text = `issuer_code,unit_code,channel,actions,assessment_linked,ranking,quota,since,document\n${department.code},${village.code},${channel},install,false,false,,2026-01-01,\n`;
  expect((await importCsv(CLI_ACTOR, { kind: "mandates", text, dryRun: false })).issues).toEqual([]);
}

describe("a read replica", () => {
  it("serves the reviewers' queue, while the reviewer who just decided reads their decision from the primary", async () => {
    const db = await getDb();
    const user = await reviewer();
    // The queue's first page shows the worst first: take one that is on it.
    const first = (await listQueue(actorFromUser(user), { status: "open" }, t)).items[0]!;
    const flag = await db.flag.findFirstOrThrow({ where: { id: first.id } });
    // A write just before the pause: the standby's last replay is recent, so it counts as up to date.
    await makeRelease("admin");
    await caughtUp();
    await pair.onReplica("SELECT pg_wal_replay_pause()");
    try {
      await decideFlag(actorFromUser(user), {
        flagId: flag.id,
        version: flag.version,
        decision: "dismiss",
        reason: "副本测试",
      });
      const written = await writePosition();
      // The standby has not replayed the decision: a colleague's queue, read there, still shows it open.
      const openOnReplica = await listQueue(actorFromUser(user), { status: "open" }, t);
      expect(openOnReplica.items.map((i) => i.id)).toContain(flag.id);
      // The reviewer who just dismissed it does not see it come back: their reads wait for the standby.
      const openForWriter = await listQueue(actorFromUser(user, written), { status: "open" }, t);
      expect(openForWriter.items.map((i) => i.id)).not.toContain(flag.id);
    } finally {
      await pair.onReplica("SELECT pg_wal_replay_resume()");
    }
    await caughtUp();
    expect((await listQueue(actorFromUser(user), { status: "open" }, t)).items.map((i) => i.id)).not.toContain(flag.id);
  }, 120_000);

  it("serves exports and releases when it holds everything saved, and never an export or a release that leaves a save out", async () => {
    await caughtUp();
    const served = replicaStats().reads;
    expect(await makeRelease("admin")).not.toBeNull();
    const before = (await loadLatestRelease())!.snapshot.summary.mandates;
    // The release itself was a write: the export waits for the standby to hold it too.
    await caughtUp();
    expect(await exportLedger(CLI_ACTOR, "units", "csv")).toContain("清河县");
    expect(replicaStats().reads, "the release and the export were read on the standby").toBe(served + 2);

    await pair.onReplica("SELECT pg_wal_replay_pause()");
    try {
      expect(
        (await importCsv(CLI_ACTOR, { kind: "channels", text: channelLine("副本测试渠道"), dryRun: false })).issues,
      ).toEqual([]);
      await newMandate("副本测试渠道");
      // The standby is behind the import: both come from the primary, complete.
      expect(await exportLedger(CLI_ACTOR, "channels", "csv")).toContain("副本测试渠道");
      await makeRelease("admin");
      expect((await loadLatestRelease())!.snapshot.summary.mandates).toBe(before + 1);
    } finally {
      await pair.onReplica("SELECT pg_wal_replay_resume()");
    }
  }, 120_000);

  it("falls back to the primary when the standby stops", async () => {
    const user = await reviewer();
    expect(
      (await importCsv(CLI_ACTOR, { kind: "channels", text: channelLine("主库回退渠道"), dryRun: false })).issues,
    ).toEqual([]);
    pair.stopReplica();
    expect(await exportLedger(CLI_ACTOR, "channels", "csv")).toContain("主库回退渠道");
    const queue = await listQueue(actorFromUser(user), { status: "open" }, t);
    expect(queue.total).toBeGreaterThan(0);
    const before = (await loadLatestRelease())!.snapshot.summary.mandates;
    await newMandate("主库回退渠道");
    expect(await makeRelease("admin")).not.toBeNull();
    expect((await loadLatestRelease())!.snapshot.summary.mandates).toBe(before + 1);
  }, 60_000);
});
