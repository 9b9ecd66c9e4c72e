import { randomUUID } from "node:crypto";
import fs from "node:fs";
import { expect, request, test, type APIRequestContext } from "@playwright/test";
import { Client } from "pg";
import { sendAction } from "../e2e/send-action";
import { DEMO_PASSWORD } from "../e2e/fixtures";
import { CLUSTER_PASSWORD, CLUSTER_WRITERS, clusterPorts, STATE_FILE, type ClusterState } from "./cluster-state";

/*
 * Two instances of the production build on one PostgreSQL, behind nginx (cluster/start-cluster.ts).
 * Whatever one instance learns — a lockout, a sign-out, a role change, a release of the public
 * figures — the other must act on at once, and one instance dying under load must lose no write it
 * acknowledged while the other goes on serving.
 */
const ports = clusterPorts();
const url = (port: number) => `http://127.0.0.1:${port}`;
const A = url(ports.a);
const B = url(ports.b);
const LB = url(ports.lb);
// Written by the launcher once everything answers (after the tests are listed).
let state: ClusterState;
test.beforeAll(() => {
  state = JSON.parse(fs.readFileSync(STATE_FILE, "utf8")) as ClusterState;
});
const contexts: APIRequestContext[] = [];

async function at(base: string, storageState?: Awaited<ReturnType<APIRequestContext["storageState"]>>) {
  const context = await request.newContext({ baseURL: base, storageState });
  contexts.push(context);
  return context;
}

async function query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: state.databaseUrl });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Signs in through next-auth on the context's instance; true when a session came of it. */
async function signIn(context: APIRequestContext, login: string, password: string, address?: string) {
  const headers = address ? { "X-Forwarded-For": address } : undefined;
  const { csrfToken } = (await (await context.get("/api/auth/csrf")).json()) as { csrfToken: string };
  await context.post("/api/auth/callback/credentials", { form: { csrfToken, login, password, json: "true" }, headers });
  return (await sessionOf(context)) !== null;
}

async function sessionOf(context: APIRequestContext): Promise<{ login?: string; role?: string } | null> {
  const session = (await (await context.get("/api/auth/session")).json()) as {
    user?: { login?: string; role?: string };
  };
  return session.user ?? null;
}

/**
 * A server action sent to the context's instance as nginx passes it on: with the balancer's address
 * as Host (Next.js refuses an action whose Origin is not the host it was sent to).
 */
const act = (context: APIRequestContext, name: string, fields: Parameters<typeof sendAction>[2] = {}) =>
  sendAction(context, name, fields, { Host: `127.0.0.1:${ports.lb}` });

test.afterAll(async () => {
  await Promise.all(contexts.map((c) => c.dispose()));
});

test("an account locked by failures on one instance is locked on the other", async () => {
  const [a, b] = [await at(A), await at(B)];
  for (let i = 0; i < 5; i++) expect(await signIn(i % 2 ? b : a, "cluster-lock", "wrong-password")).toBe(false);
  expect(await signIn(b, "cluster-lock", CLUSTER_PASSWORD)).toBe(false);
  expect(await signIn(a, "cluster-lock", CLUSTER_PASSWORD)).toBe(false);
  const [row] = await query<{ locked: boolean }>(
    "SELECT locked_until > now() AS locked FROM users WHERE login = 'cluster-lock'",
  );
  expect(row?.locked).toBe(true);
});

test("an address's failed sign-ins on both instances add up to one limit", async () => {
  const [a, b] = [await at(A), await at(B)];
  // Each instance alone has seen fewer than the limit of 30; together they have seen it.
  for (let i = 0; i < 30; i++) await signIn(i % 2 ? b : a, "nobody-here", "wrong-password", "198.51.100.23");
  expect(await signIn(a, "cluster-out", CLUSTER_PASSWORD, "198.51.100.23")).toBe(false);
  expect(await signIn(b, "cluster-out", CLUSTER_PASSWORD, "198.51.100.23")).toBe(false);
  // Another address is not held back by it.
  expect(await signIn(b, "cluster-out", CLUSTER_PASSWORD, "198.51.100.24")).toBe(true);
});

test("signing out on one instance ends the session on the other", async () => {
  const a = await at(A);
  expect(await signIn(a, "cluster-out", CLUSTER_PASSWORD)).toBe(true);
  const cookies = await a.storageState();
  expect((await sessionOf(await at(B, cookies)))?.login).toBe("cluster-out");
  await act(a, "signOutAction");
  // The cookie kept from before the sign-out, shown to the other instance.
  expect(await sessionOf(await at(B, cookies))).toBeNull();
  expect((await (await at(B, cookies)).get("/me", { maxRedirects: 0 })).status()).toBe(307);
});

test("a role changed on one instance is in force on the other at once", async () => {
  const user = await at(B);
  expect(await signIn(user, "cluster-role", CLUSTER_PASSWORD)).toBe(true);
  expect((await user.get("/review", { maxRedirects: 0 })).status()).toBe(403);
  const admin = await at(A);
  expect(await signIn(admin, "admin", DEMO_PASSWORD)).toBe(true);
  const [row] = await query<{ id: number }>("SELECT id FROM users WHERE login = 'cluster-role'");
  const saved = await act(admin, "updateUserAction", {
    userId: String(row!.id),
    role: "REVIEWER",
    disabled: "false",
  });
  expect(saved.ok).toBe(true);
  // The change ends the person's sessions everywhere; signed in again (here on the other instance), they review.
  expect(await sessionOf(user)).toBeNull();
  expect(await signIn(user, "cluster-role", CLUSTER_PASSWORD)).toBe(true);
  expect((await sessionOf(user))?.role).toBe("REVIEWER");
  expect((await (await at(A, await user.storageState())).get("/review", { maxRedirects: 0 })).status()).toBe(200);
});

test("an import shows on the public figures of both instances at the next release, and they agree", async () => {
  test.setTimeout(90_000);
  const summary = async (base: string) => (await (await at(base)).get("/api/v1/public/summary")).text();
  const mandatesIn = (body: string) => (JSON.parse(body) as { mandates: number }).mandates;
  const [beforeA, beforeB] = [await summary(A), await summary(B)];
  expect(beforeA).toBe(beforeB);
  const admin = await at(A);
  expect(await signIn(admin, "admin", DEMO_PASSWORD)).toBe(true);
  const row = `${state.departmentCode},${state.villageCode},集群测试渠道${CLUSTER_WRITERS * 20 - 1},install,false,false,,2026-01-01,`;
  const imported = await admin.post("/api/admin/import?kind=mandates", {
    data: `issuer_code,unit_code,channel,actions,assessment_linked,ranking,quota,since,document\n${row}\n`,
    headers: { Origin: LB, "Content-Type": "text/csv" },
  });
  const last = JSON.parse((await imported.text()).trim().split("\n").at(-1)!) as { summary?: { applied: boolean } };
  expect(last.summary?.applied).toBe(true);
  // Published figures change only at a release: not yet, on either instance.
  expect(mandatesIn(await summary(B))).toBe(mandatesIn(beforeA));
  const releaser = await at(B);
  expect(await signIn(releaser, "admin", DEMO_PASSWORD)).toBe(true);
  expect((await act(releaser, "releasePublicFiguresAction")).ok).toBe(true);
  // Each instance checks for a newer release every 15 seconds.
  await expect
    .poll(async () => [mandatesIn(await summary(A)), mandatesIn(await summary(B))], {
      timeout: 60_000,
      intervals: [1000],
    })
    .toEqual([mandatesIn(beforeA) + 1, mandatesIn(beforeA) + 1]);
  // The fast public path answers both from memory: the same bytes, JSON and CSV, through either.
  expect(await summary(A)).toBe(await summary(B));
  const csv = async (base: string) => (await (await at(base)).get("/api/v1/public/summary?format=csv")).text();
  expect(await csv(A)).toBe(await csv(B));
});

test("killing one instance under load loses no acknowledged write, and the other goes on serving", async () => {
  test.setTimeout(120_000);
  const channels = await query<{ id: number; name: string }>(
    "SELECT id, name FROM channels WHERE name LIKE '集群测试渠道%' ORDER BY id",
  );
  type Ack = { login: string; channelId: number; version: number; at: number };
  const acks: Ack[] = [];
  let failed = 0;
  let killedAt = 0;
  const deadline = Date.now() + 12_000;
  const writer = async (i: number) => {
    const login = `cluster-w${i}`;
    const context = await at(LB);
    expect(await signIn(context, login, CLUSTER_PASSWORD)).toBe(true);
    // Each writer reports on its own channels, then updates them; a channel whose last write went
    // unanswered is left alone (whether it was saved is unknown, so its version is too).
    const mine = new Map(channels.slice(i * 20, i * 20 + 20).map((c) => [c.id, 0]));
    while (Date.now() < deadline && mine.size) {
      for (const [channelId, version] of [...mine]) {
        if (Date.now() >= deadline) break;
        const reply = await sendAction(context, "saveReportAction", {
          channelId: String(channelId),
          version: version ? String(version) : "",
          submissionKey: randomUUID(),
          requiredByName: "镇党政办",
          actions: ["install", "checkin"],
          accounts: "1",
          minutesPerWeek: String(10 + version),
          installedOn: "2026-01-01",
          lastUsedOn: "2026-11-30",
          usefulness: "3",
        }).catch(() => null);
        if (reply?.ok) {
          acks.push({ login, channelId, version: version + 1, at: Date.now() });
          mine.set(channelId, version + 1);
        } else {
          failed++;
          mine.delete(channelId);
        }
      }
    }
  };
  const killer = (async () => {
    await new Promise((r) => setTimeout(r, 4_000));
    process.kill(state.pids.a!, "SIGKILL");
    killedAt = Date.now();
  })();
  await Promise.all([...Array.from({ length: CLUSTER_WRITERS }, (_, i) => writer(i)), killer]);
  const afterKill = acks.filter((a) => a.at > killedAt).length;
  console.log(
    `cluster: ${acks.length} writes acknowledged through nginx (${acks.length - afterKill} before instance A was killed, ${afterKill} after), ${failed} unanswered`,
  );
  expect(killedAt).toBeGreaterThan(0);
  expect(afterKill).toBeGreaterThan(20);
  const stored = await query<{ login: string; channel_id: number; version: number }>(
    "SELECT u.login, r.channel_id, r.version FROM reports r JOIN users u ON u.id = r.reporter_id WHERE u.login LIKE 'cluster-w%'",
  );
  const version = new Map(stored.map((r) => [`${r.login}:${r.channel_id}`, r.version]));
  const missing = acks.filter((a) => (version.get(`${a.login}:${a.channelId}`) ?? 0) < a.version);
  expect(missing, "acknowledged writes missing from the database").toEqual([]);
  expect((await (await at(LB)).get("/api/health")).ok()).toBe(true);
  expect((await (await at(LB)).get("/")).ok()).toBe(true);
});
