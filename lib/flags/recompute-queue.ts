import "server-only";
import PgBoss from "pg-boss";
import { resolveDatabaseTarget } from "@/lib/db/config";
import { recomputeRegion, type Region, type RegionResult } from "./recompute-region";

/*
 * The job queue of a recompute by region: pg-boss (PostgreSQL's SKIP LOCKED under a maintained
 * library), in its own schema of the ledger's database. Any process that works the queue takes
 * jobs — app instances, `npm run cli -- worker` on other machines — and a job left by a worker
 * that died is retried by another.
 */

const QUEUE = "flags-recompute-region";
type RegionJob = { region: Region; today: string; at: string; flagsBefore: boolean };

const holder = ((
  globalThis as { __fingertipQueue?: { boss?: Promise<PgBoss>; workers: string[] } }
).__fingertipQueue ??= { workers: [] });

/** The queue on PostgreSQL; null on the embedded database (one process: regions run in it, in turn). */
export function queueAvailable(): boolean {
  return resolveDatabaseTarget().kind === "postgres";
}

async function queue(): Promise<PgBoss> {
  holder.boss ??= (async () => {
    const target = resolveDatabaseTarget();
    if (target.kind !== "postgres") throw new Error("the recompute queue needs PostgreSQL");
    const boss = new PgBoss({ connectionString: target.url, schema: "pgboss", max: 4, schedule: false });
    boss.on("error", (error) => console.error("recompute queue:", error));
    await boss.start();
    await boss.createQueue(QUEUE, { name: QUEUE, retryLimit: 2, retryDelay: 1, expireInSeconds: 3600 });
    return boss;
  })();
  try {
    return await holder.boss;
  } catch (error) {
    holder.boss = undefined;
    throw error;
  }
}

/** Works jobs of recomputes by region in this process, `workers` at a time (each more adds one). */
export async function workRecomputeJobs(workers = 1): Promise<void> {
  const boss = await queue();
  while (holder.workers.length < workers) {
    let id = "";
    id = await boss.work<RegionJob>(QUEUE, { batchSize: 1, pollingIntervalSeconds: 0.5 }, async ([job]) => {
      try {
        const { region, today, at, flagsBefore } = job!.data;
        return await recomputeRegion(region, new Date(today), new Date(at), flagsBefore);
      } finally {
        // Ask again at once rather than after the polling interval: the rest of the recompute's jobs wait.
        boss.notifyWorker(id);
      }
    });
    holder.workers.push(id);
  }
}

/**
 * Workers a process starts for itself: FINGERTIP_RECOMPUTE_WORKERS, else 1. 0: it only queues
 * jobs, for worker processes (`npm run cli -- worker`) to take.
 */
export function workersWanted(env: Record<string, string | undefined> = process.env): number {
  const n = Number(env.FINGERTIP_RECOMPUTE_WORKERS ?? 1);
  return Number.isInteger(n) && n >= 0 && n <= 64 ? n : 1;
}

/** How long a recompute waits for a worker to take its first job before it gives up. */
const NOBODY_WORKS_MS = 120_000;

/**
 * Sends one job per region and waits until every one is done, returning what each wrote. The
 * caller's process works the queue too (workersWanted), so a lone instance finishes by itself.
 * A job that fails is retried twice (by any worker); then the recompute fails, as it does when no
 * worker has taken a job after two minutes (FINGERTIP_RECOMPUTE_WORKERS=0 and no worker process).
 */
export async function recomputeThroughQueue(
  regions: readonly Region[],
  today: Date,
  at: Date,
  flagsBefore: boolean,
): Promise<RegionResult[]> {
  const boss = await queue();
  await workRecomputeJobs(workersWanted());
  const ids: string[] = [];
  for (const region of regions) {
    const id = await boss.send(QUEUE, {
      region,
      today: today.toISOString(),
      at: at.toISOString(),
      flagsBefore,
    } satisfies RegionJob);
    if (!id) throw new Error(`the queue refused the recompute job of region ${region}`);
    ids.push(id);
  }
  for (const worker of holder.workers) boss.notifyWorker(worker);
  const results: RegionResult[] = [];
  const sent = Date.now();
  let started = false;
  for (let pending = ids; pending.length > 0;) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const still: string[] = [];
    for (const id of pending) {
      const job = await boss.getJobById<RegionJob>(QUEUE, id, { includeArchive: true });
      if (!job) throw new Error(`recompute job ${id} vanished`);
      if (job.state === "failed" || job.state === "cancelled")
        throw new Error(`recompute of region ${job.data.region} ${job.state}: ${JSON.stringify(job.output)}`);
      if (job.state !== "created") started = true;
      if (job.state === "completed") results.push(job.output as RegionResult);
      else still.push(id);
    }
    if (!started && Date.now() - sent > NOBODY_WORKS_MS)
      throw new Error(
        "no worker took the recompute's jobs: start `npm run cli -- worker` or set FINGERTIP_RECOMPUTE_WORKERS",
      );
    pending = still;
  }
  return results;
}

/** Stops this process's workers and closes the queue's connections (tests, the worker command). */
export async function stopRecomputeQueue(): Promise<void> {
  const boss = holder.boss;
  holder.boss = undefined;
  holder.workers = [];
  if (boss) await (await boss).stop({ graceful: true, wait: true });
}
