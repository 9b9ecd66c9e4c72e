import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import { importCsv } from "@/lib/imports/run-import";
import { closeDb, getDb } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/prepare";
import { seedDemo } from "@/lib/demo/seed-demo";
import { createPgDatabase, dropPgDatabase, makeTempDir, uniqueName } from "@/testing/test-databases";
import { startInstance, startNginx, waitFor } from "./nginx";
import { CLUSTER_PASSWORD, CLUSTER_WRITERS, clusterPorts, STATE_FILE, type ClusterState } from "./cluster-state";

/*
 * Two app instances on one PostgreSQL behind nginx, as a province would run Fingertip: the server
 * the two-instance test (cluster.spec.ts) runs against. It makes a throwaway database with the demo
 * county, accounts for the test and a pool of channels to report on, starts both instances from the
 * production build and nginx in front of them, and writes what the test needs to know (ports, the
 * instances' process ids, the database) to cluster-state.json. Stopped, it stops them and drops the database.
 */
const ports = clusterPorts();
const dir = makeTempDir("fingertip-cluster");
const dbName = uniqueName("fingertip_cluster");
const children: ChildProcess[] = [];
let stopping = false;

async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill("SIGTERM");
  await new Promise((r) => setTimeout(r, 500));
  await closeDb().catch(() => {});
  await dropPgDatabase(dbName).catch((e: unknown) => console.error("drop database:", e));
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(STATE_FILE, { force: true });
  process.exit(code);
}
for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => void stop(0));

/** Accounts the test signs in as, and channels enough for every writer to report on for a while. */
async function prepareLedger() {
  const db = await getDb();
  await seedDemo(db);
  const villages = await db.unit.findMany({ where: { level: "village" }, orderBy: { code: "asc" }, take: 8 });
  const hash = await hashPassword(CLUSTER_PASSWORD);
  const staff = (login: string, i: number) => ({
    login,
    name: login,
    role: "STAFF" as const,
    unitId: villages[i % villages.length]!.id,
    passwordHash: hash,
  });
  await db.user.createMany({
    data: [
      staff("cluster-lock", 0),
      staff("cluster-role", 1),
      staff("cluster-out", 2),
      ...Array.from({ length: CLUSTER_WRITERS }, (_, i) => staff(`cluster-w${i}`, i)),
    ],
  });
  const names = Array.from({ length: CLUSTER_WRITERS * 20 }, (_, i) => `集群测试渠道${i}`);
  const channels = await importCsv(CLI_ACTOR, {
    kind: "channels",
    text: `name,kind,operator,platform_id,aliases,purpose\n${names.map((n) => `${n},app,,,,service`).join("\n")}\n`,
    dryRun: false,
  });
  if (channels.issues.length) throw new Error(`channels: ${JSON.stringify(channels.issues.slice(0, 3))}`);
  const county = await db.unit.findFirstOrThrow({ where: { level: "county" } });
  const department = await db.unit.findFirstOrThrow({ where: { level: "department" }, orderBy: { code: "asc" } });
  return { countyCode: county.code, departmentCode: department.code, villageCode: villages[0]!.code };
}

try {
  const databaseUrl = await createPgDatabase(dbName);
  process.env.DATABASE_URL = databaseUrl;
  delete process.env.FINGERTIP_DATA_DIR;
  await migrateDatabase();
  const ledger = await prepareLedger();
  await closeDb();

  const env = {
    ...process.env,
    NODE_ENV: "production" as const,
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: databaseUrl,
    // One secret and one public address for both: a session made on one instance is read by the other.
    NEXTAUTH_SECRET: "fingertip-cluster-test-secret-0123456789",
    NEXTAUTH_URL: `http://127.0.0.1:${ports.lb}`,
  };
  const pids: Record<string, number> = {};
  for (const [name, port] of [
    ["a", ports.a],
    ["b", ports.b],
  ] as const) {
    const child = startInstance(env, port, "inherit");
    children.push(child);
    pids[name] = child.pid!;
  }
  children.push(startNginx(dir, ports.lb, [ports.a, ports.b]));
  await Promise.all([
    waitFor(`http://127.0.0.1:${ports.a}/api/health`, 120),
    waitFor(`http://127.0.0.1:${ports.b}/api/health`, 120),
  ]);
  await waitFor(`http://127.0.0.1:${ports.lb}/api/health`, 30);
  const state: ClusterState = { ports, pids, databaseUrl, ...ledger };
  fs.mkdirSync(path.dirname(STATE_FILE), { recursive: true });
  fs.writeFileSync(STATE_FILE, JSON.stringify(state, null, 2));
  console.log(`Cluster ready: nginx on ${ports.lb}, instances on ${ports.a} and ${ports.b}`);
  // Serves until Playwright stops it (the test itself kills instance A under load, so no instance is watched).
  await new Promise(() => {});
} catch (error) {
  console.error("cluster:", error);
  await stop(1);
}
