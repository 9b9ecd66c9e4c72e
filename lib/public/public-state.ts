/*
 * What the public snapshot module keeps on globalThis, shared with the lean path of the plain
 * Node.js server (lib/public/lean-path.ts), which runs in the same process but outside Next.js's
 * bundles. No server-only import: the lean path reads it.
 */

/** How often a request may look for a new release (a few tiny queries); releases are made in the background. */
export const CHECK_EVERY_MS = 15_000;

/** A public response held in memory, as the lean path sends it. */
export type LeanEntry = { headers: Record<string, string>; body: Buffer; gzip?: Buffer; etag: string };

/**
 * The part of the release's state the lean path needs: when it was last checked, its version (a
 * response kept for it must have been made from it), the region codes its pages and API know, and
 * the responses kept.
 */
export type SharedSnapshot = {
  checkedAt: number;
  version: string;
  regionCodes: ReadonlySet<string>;
  lean: Map<string, LeanEntry>;
};

export function sharedSnapshot(): SharedSnapshot | undefined {
  return (globalThis as { __fingertipPublic?: { current?: SharedSnapshot } }).__fingertipPublic?.current;
}

/** The release a public response was made from (the lean path keeps only answers of the release it serves). */
export const RELEASE_HEADER = "x-fingertip-release";
