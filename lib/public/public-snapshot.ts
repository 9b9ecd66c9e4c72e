import "server-only";
import { endDueMandates } from "@/lib/mandates/end-mandates";
import { createHash } from "node:crypto";
import { getThresholds } from "@/lib/settings/thresholds";
import type { PlaceDetail, PublicSnapshot } from "./build-snapshot";
import { CHECK_EVERY_MS, type SharedSnapshot } from "./public-state";
import {
  latestReleaseHead,
  ledgerMarker,
  loadLatestRelease,
  loadPlaceDetail,
  makeRelease,
  type ReleaseHead,
} from "./releases";
import { nextSlot, releaseDue, type ReleaseSchedule } from "./release-schedule";

/** The release being served, with the responses made from it (they go when it goes). */
export type CurrentRelease = SharedSnapshot & {
  snapshot: PublicSnapshot;
  releaseId: number;
  releasedAt: string;
  /** null when releases are live. */
  nextReleaseAt: string | null;
  rendered: Map<string, string>;
  /** The release whose rows hold the places' details, and the details read so far (see placeDetail). */
  storedBy: number;
  details: Map<string, PlaceDetail>;
  /** A release stored as one document before places were stored apart: every detail, from it. */
  legacy?: Map<string, PlaceDetail>;
};
type State = { current?: CurrentRelease; refreshing?: Promise<void> };
const state: State = ((globalThis as { __fingertipPublic?: State }).__fingertipPublic ??= {});

const scheduleOf = async (): Promise<ReleaseSchedule> => {
  const { values } = await getThresholds();
  return { days: values.publicReleaseDays, hour: values.publicReleaseHour };
};

async function isDue(head: ReleaseHead | null, schedule: ReleaseSchedule, now: Date): Promise<boolean> {
  if (!head) return true;
  if (schedule.days === 0) return (await ledgerMarker()) !== head.ledgerMarker;
  return releaseDue(head.releasedAt, now, schedule);
}

/** Makes the release that is due, if any, then serves the latest one. */
function refresh(): Promise<void> {
  state.refreshing ??= (async () => {
    const schedule = await scheduleOf();
    const now = new Date();
    let head = await latestReleaseHead();
    // A release counts mandates that ended by their date as ended.
    if (await isDue(head, schedule, now)) await endDueMandates(now);
    for (let tries = 0; (await isDue(head, schedule, now)) && tries < 120; tries++) {
      if (await makeRelease(!head ? "first" : schedule.days === 0 ? "live" : "schedule", now)) break;
      // Another process is making it: wait for theirs.
      await new Promise((resolve) => setTimeout(resolve, 500));
      head = await latestReleaseHead();
    }
    head = await latestReleaseHead();
    const next = head && nextSlot(head.releasedAt, schedule);
    const nextReleaseAt = next ? next.toISOString() : null;
    const current = state.current;
    if (current && head && current.releaseId === head.id && current.nextReleaseAt === nextReleaseAt) {
      current.checkedAt = Date.now();
      return;
    }
    const release = await loadLatestRelease();
    if (!release) throw new Error("no public release could be made");
    const version = createHash("sha1")
      .update(`${release.id}|${release.figuresHash}|${nextReleaseAt}`)
      .digest("base64url")
      .slice(0, 20);
    state.current = {
      snapshot: release.snapshot,
      storedBy: release.storedBy,
      details: new Map(),
      ...(release.legacy ? { legacy: release.legacy } : {}),
      releaseId: release.id,
      releasedAt: release.releasedAt.toISOString(),
      nextReleaseAt,
      version,
      checkedAt: Date.now(),
      rendered: new Map(),
      lean: new Map(),
      regionCodes: new Set(Object.keys(release.snapshot.regions)),
    };
  })().finally(() => {
    state.refreshing = undefined;
  });
  return state.refreshing;
}

/**
 * The public figures of the current release, from memory. Every few seconds one request checks,
 * in the background, whether a release is due (or was made by another process) and switches to
 * it; no request waits for the ledger, except the very first one of a new database.
 */
export async function getPublicSnapshot(): Promise<CurrentRelease> {
  const current = state.current;
  if (!current) {
    await refresh();
    return state.current!;
  }
  if (Date.now() - current.checkedAt > CHECK_EVERY_MS && !state.refreshing) {
    current.checkedAt = Date.now();
    refresh().catch((error: unknown) => console.error("public release check failed:", error));
  }
  return current;
}

/** After a restore or a release made here: the next request serves the latest release. */
export function forgetPublicSnapshot(): void {
  state.current = undefined;
}

/** How many places' details a process keeps (a township's page reads its own; the busiest stay). */
const DETAILS_KEPT = 5000;

/** A place's detail in the current release ("" the whole registry; a code it does not publish has none). */
export async function placeDetail(current: CurrentRelease, code: string): Promise<PlaceDetail> {
  if (current.legacy) return current.legacy.get(code) ?? EMPTY;
  const kept = current.details.get(code);
  if (kept) {
    // Read again: to the back of the queue, so the places asked for most stay.
    current.details.delete(code);
    current.details.set(code, kept);
    return kept;
  }
  // A code the release does not publish reads nothing and is not kept: it cannot push out the places people ask for.
  if (code !== "" && !Object.hasOwn(current.snapshot.regions, code)) return EMPTY;
  const detail = (await loadPlaceDetail(current.storedBy, code)) ?? EMPTY;
  // The place read longest ago goes first when the process keeps too many (a Map iterates in insertion order).
  if (current.details.size >= DETAILS_KEPT) current.details.delete(current.details.keys().next().value!);
  current.details.set(code, detail);
  return detail;
}
const EMPTY: PlaceDetail = { trend: null, issuers: [], channels: [] };

/** A response body rendered once per release (the lean path for the busiest endpoints). */
export function renderOnce(current: CurrentRelease, key: string, render: () => string): string {
  let body = current.rendered.get(key);
  if (body === undefined) {
    body = render();
    current.rendered.set(key, body);
  }
  return body;
}
