/*
 * What the public snapshot module keeps on globalThis, shared with the lean path of the plain
 * Node.js server (lib/public/lean-path.ts), which runs in the same process but outside Next.js's
 * bundles. No server-only import: the lean path reads it.
 */

/** How often a request may look for changes to the ledger (one tiny query); rebuilds happen in the background. */
export const CHECK_EVERY_MS = 15_000;

/** A public response held in memory, as the lean path sends it. */
export type LeanEntry = { headers: Record<string, string>; body: Buffer; gzip?: Buffer; etag: string };

/** The part of the snapshot's state the lean path needs: when it was last checked, and its responses. */
export type SharedSnapshot = { checkedAt: number; lean: Map<string, LeanEntry> };

export function sharedSnapshot(): SharedSnapshot | undefined {
  return (globalThis as { __fingertipPublic?: { cached?: SharedSnapshot } }).__fingertipPublic?.cached;
}
