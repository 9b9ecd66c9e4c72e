import "server-only";
import { writeCsv } from "@/lib/csv/write-csv";
import { getPublicSnapshot, placeDetail, renderOnce, type CurrentRelease } from "./public-snapshot";
import type { PlaceDetail, PublicSnapshot } from "./build-snapshot";
import { RELEASE_HEADER } from "./public-state";

type Table = { columns: readonly string[]; rows: Record<string, unknown>[] };
/** When the figures were released, stamped on every answer. */
export type ReleaseStamp = { updatedAt: string; releasedAt: string; nextReleaseAt: string | null; threshold: number };
export type PublicView = { json: () => unknown; csv: () => Table } | null;
/** A place's detail in the release being answered from ("" the whole registry). */
export type DetailOf = (code: string) => Promise<PlaceDetail>;

const cell = (v: unknown) => (v === null || v === undefined ? "" : Array.isArray(v) ? v.join("|") : String(v));

/**
 * A public read: rendered once per release and answered from memory, with an ETag (a conditional
 * request gets 304) and a short public cache. `?format=csv` gives the same figures as CSV — a
 * withheld figure as an empty cell beside `suppressed=true` — as a download named after what it
 * holds and the day of the release (`file`, e.g. "summary" → fingertip-summary-2026-12-02.csv).
 */
export async function publicResponse(
  request: Request,
  key: string,
  file: string,
  view: (s: PublicSnapshot, stamp: ReleaseStamp, detailOf: DetailOf) => PublicView | Promise<PublicView>,
): Promise<Response> {
  const current = await getPublicSnapshot();
  const format = new URL(request.url).searchParams.get("format") === "csv" ? "csv" : "json";
  const v = await view(current.snapshot, stampOf(current), (code) => placeDetail(current, code));
  const headers: Record<string, string> = {
    "Cache-Control": "public, max-age=60, stale-while-revalidate=300",
    "Access-Control-Allow-Origin": "*",
    [RELEASE_HEADER]: current.version,
  };
  if (!v) return Response.json({ error: { code: "not_found" } }, { status: 404, headers });
  const etag = `"${current.version}-${format}-${Buffer.from(key).toString("base64url")}"`;
  headers.ETag = etag;
  headers["Content-Type"] = format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8";
  if (format === "csv") {
    const name = `fingertip-${file}-${current.releasedAt.slice(0, 10)}.csv`;
    headers["Content-Disposition"] =
      `attachment; filename="${name.replace(/[^\w.-]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(name)}`;
  }
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  const body = renderOnce(current, `${format}:${key}`, () => {
    if (format === "json") return JSON.stringify(v.json());
    const table = v.csv();
    return (
      "\uFEFF" +
      writeCsv(
        table.columns,
        table.rows.map((r) => Object.fromEntries(table.columns.map((c) => [c, cell(r[c])]))),
      )
    );
  });
  return new Response(body, { headers });
}

export function stampOf(current: CurrentRelease): ReleaseStamp {
  return {
    updatedAt: current.releasedAt,
    releasedAt: current.releasedAt,
    nextReleaseAt: current.nextReleaseAt,
    threshold: current.snapshot.threshold,
  };
}

/** A place's figures, as the summary, a region's row and the API's CSV name them. */
export const FIGURE_COLUMNS = [
  "channels",
  "unitsCovered",
  "mandates",
  "reporters",
  "hoursPerWeek",
  "duplicatesFound",
  "zombiesFound",
  "cleanedUp",
  "suppressed",
] as const;
export const REGION_COLUMNS = ["code", "name", "level", "parent", ...FIGURE_COLUMNS] as const;
export const ISSUER_COLUMNS = [
  "code",
  "name",
  "region",
  "mandates",
  "unitsTargeted",
  "channels",
  "hoursPerWeek",
  "suppressed",
] as const;

/** `?region=CODE`: "" for the whole registry, the code of a published region, or undefined when there is no such region. */
export function regionParam(request: Request, snapshot: PublicSnapshot): string | undefined {
  const code = new URL(request.url).searchParams.get("region");
  if (code === null || code === "") return "";
  return Object.hasOwn(snapshot.regions, code) ? code : undefined;
}
