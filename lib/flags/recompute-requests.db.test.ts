import { describe, expect, it } from "vitest";
import { claimRecompute, finishRecompute, requestRecompute } from "./recompute-requests";

/*
 * Two app instances share the requests for a full recompute through the database: what one
 * claims, the other does not run again; what arrives during a run is claimed once more.
 */
describe("recompute requests shared by instances", () => {
  it("folds a burst of requests into one run, and a request during the run into one more", async () => {
    expect(await claimRecompute()).toBeNull();
    for (let i = 0; i < 5; i++) await requestRecompute();
    const first = await claimRecompute();
    expect(first).not.toBeNull();
    // Another instance asks while the first runs: nothing is claimable until someone asks again.
    expect(await claimRecompute()).toBeNull();
    await requestRecompute();
    const second = await claimRecompute();
    expect(second).toBe(first! + 1n);
    await finishRecompute(first!);
    // The first instance, done, finds the second's claim taken: it does not run it twice.
    expect(await claimRecompute()).toBeNull();
    await finishRecompute(second!);
    expect(await claimRecompute()).toBeNull();
  });
});
