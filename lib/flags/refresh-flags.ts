import "server-only";
import { after } from "next/server";
import { recomputeAllFlags } from "./recompute-flags";

let running: Promise<void> | null = null;
let again = false;

/**
 * Recomputes every flag after a change to the catalogue, the unit tree or the thresholds. Requests
 * that arrive while one runs are folded into one more run, so a burst of edits costs two recomputes,
 * not one per edit.
 */
function recomputeCoalesced(trigger: string): Promise<void> {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    do {
      again = false;
      await recomputeAllFlags({ trigger });
    } while (again);
  })().finally(() => {
    running = null;
  });
  return running;
}

/**
 * After a change that can alter flags: in a request, once the response has been sent (the editor
 * does not wait for a provincial recompute); elsewhere (CLI, tests), at once.
 */
export async function refreshFlagsAfterChange(trigger: string): Promise<void> {
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
