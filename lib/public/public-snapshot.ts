import "server-only";
import { createHash } from "node:crypto";
import { getDb } from "@/lib/db/client";
import { buildPublicSnapshot, type PublicSnapshot } from "./build-snapshot";
import { CHECK_EVERY_MS, type SharedSnapshot } from "./public-state";

// Each rebuild makes a new Cached: responses kept for the old one (rendered, lean) go with it.
type Cached = SharedSnapshot & { snapshot: PublicSnapshot; marker: string; version: string; rendered: Map<string, string> };
type State = { cached?: Cached; building?: Promise<Cached> };
const state: State = ((globalThis as { __fingertipPublic?: State }).__fingertipPublic ??= {});

/** Every change to the ledger writes the audit log, so its last id tells whether anything changed. */
async function ledgerMarker(): Promise<string> {
  const db = await getDb();
  const [row] = await db.$queryRaw<{ id: bigint | null }[]>`SELECT max(id) AS id FROM audit_log`;
  return String(row?.id ?? 0);
}

function build(): Promise<Cached> {
  state.building ??= (async () => {
    const marker = await ledgerMarker();
    const snapshot = await buildPublicSnapshot();
    const version = createHash("sha1").update(JSON.stringify({ ...snapshot, updatedAt: "" })).digest("base64url").slice(0, 20);
    // Same figures, same version: the page keeps its ETag when nothing public changed.
    const cached = { snapshot: state.cached?.version === version ? state.cached.snapshot : snapshot, marker, checkedAt: Date.now(), version, rendered: new Map<string, string>(), lean: new Map() };
    state.cached = cached;
    return cached;
  })().finally(() => {
    state.building = undefined;
  });
  return state.building;
}

/**
 * The public figures, from memory. The first request builds them; later ones are answered at once
 * and, every few seconds, one of them checks whether the ledger changed and rebuilds in the
 * background, so no request scans the ledger.
 */
export async function getPublicSnapshot(): Promise<Cached> {
  const cached = state.cached;
  if (!cached) return build();
  if (Date.now() - cached.checkedAt > CHECK_EVERY_MS && !state.building) {
    cached.checkedAt = Date.now();
    void ledgerMarker()
      .then((marker) => (marker !== cached.marker ? build() : undefined))
      .catch((error: unknown) => console.error("public figures refresh failed:", error));
  }
  return cached;
}

/** For tests and after a restore: the next request rebuilds. */
export function forgetPublicSnapshot(): void {
  state.cached = undefined;
}

/** A response body rendered once per snapshot version (the lean path for the busiest endpoints). */
export function renderOnce(cached: Cached, key: string, render: () => string): string {
  let body = cached.rendered.get(key);
  if (body === undefined) {
    body = render();
    cached.rendered.set(key, body);
  }
  return body;
}
