import "server-only";
import { after } from "next/server";
import { recomputeAllFlags } from "./recompute-flags";
import { claimRecompute, finishRecompute, requestRecompute } from "./recompute-requests";

/** This process's runs, one after another: a caller's promise ends once its request is recomputed. */
let queue: Promise<void> = Promise.resolve();

/** Recomputes whatever is pending and claimable, as often as new requests arrive meanwhile. */
async function drain(trigger: string): Promise<void> {
  for (let claimed = await claimRecompute(); claimed !== null; claimed = await claimRecompute()) {
    await recomputeAllFlags({ trigger });
    await finishRecompute(claimed);
  }
}

/**
 * Recomputes every flag after a change to the catalogue, the unit tree or the thresholds. The
 * request is counted in the database first; requests that arrive while a recompute runs, on this
 * instance or another, are folded into one more run by whoever claims them, so a burst of edits
 * costs two recomputes, not one per edit or per instance.
 */
function recomputeCoalesced(trigger: string): Promise<void> {
  queue = queue.catch(() => {}).then(() => drain(trigger));
  return queue;
}

/**
 * After a change that can alter flags: in a request, once the response has been sent (the editor
 * does not wait for a provincial recompute); elsewhere (CLI, tests), at once.
 */
export async function refreshFlagsAfterChange(trigger: string): Promise<void> {
  await requestRecompute();
  const run = () =>
    recomputeCoalesced(trigger).catch((error: unknown) =>
      console.error(`flag recompute after ${trigger} failed:`, error),
    );
  try {
    after(run);
  } catch {
    await run();
  }
}
