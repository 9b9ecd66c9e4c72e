import "server-only";
import { getDb } from "@/lib/db/client";

/*
 * The full recomputes that edits ask for, kept in the database (table recompute_state, one row)
 * so that app instances behind a load balancer share them: each request counts one up; whoever
 * claims what is pending recomputes once for all of it. A claim older than the lease is taken
 * over, so an instance that stopped mid-run leaves nothing undone for long.
 */
const LEASE = "30 minutes";

/** Asks for a full recompute (cheap: one row updated); a later claim runs it. */
export async function requestRecompute(): Promise<void> {
  const db = await getDb();
  await db.$executeRaw`
    INSERT INTO recompute_state (id, requested) VALUES (1, 1)
    ON CONFLICT (id) DO UPDATE SET requested = recompute_state.requested + 1`;
}

/** Claims the requests pending and not claimed by a live run: the count to mark done afterwards, or null. */
export async function claimRecompute(): Promise<bigint | null> {
  const db = await getDb();
  const [row] = await db.$queryRaw<{ requested: bigint }[]>`
    UPDATE recompute_state SET claimed = requested, claimed_at = now()
    WHERE id = 1 AND requested > done
      AND (requested > claimed OR claimed_at < now() - ${LEASE}::interval)
    RETURNING requested`;
  return row ? BigInt(row.requested) : null;
}

/** The requests up to `claimed` are recomputed. */
export async function finishRecompute(claimed: bigint): Promise<void> {
  const db = await getDb();
  await db.$executeRaw`UPDATE recompute_state SET done = GREATEST(done, ${claimed}) WHERE id = 1`;
}
