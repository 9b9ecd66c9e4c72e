import "server-only";
import { writeCsv } from "@/lib/csv/write-csv";
import { getPublicSnapshot, renderOnce } from "./public-snapshot";
import type { PublicSnapshot } from "./build-snapshot";

type Table = { columns: readonly string[]; rows: Record<string, unknown>[] };
export type PublicView = { json: (s: PublicSnapshot) => unknown; csv: (s: PublicSnapshot) => Table } | null;

const cell = (v: unknown) => (v === null || v === undefined ? "" : Array.isArray(v) ? v.join("|") : String(v));

/**
 * A public read: rendered once per snapshot version and answered from memory, with an ETag (a
 * conditional request gets 304) and a short public cache. `?format=csv` gives the same figures as
 * CSV, a withheld figure as an empty cell beside `suppressed=true`.
 */
export async function publicResponse(request: Request, key: string, view: (s: PublicSnapshot) => PublicView): Promise<Response> {
  const cached = await getPublicSnapshot();
  const format = new URL(request.url).searchParams.get("format") === "csv" ? "csv" : "json";
  const v = view(cached.snapshot);
  if (!v) return Response.json({ error: { code: "not_found" } }, { status: 404, headers: { "Cache-Control": "public, max-age=60" } });
  const etag = `"${cached.version}-${format}-${Buffer.from(key).toString("base64url")}"`;
  const headers = {
    ETag: etag,
    "Cache-Control": "public, max-age=60, stale-while-revalidate=300",
    "Content-Type": format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
    "Access-Control-Allow-Origin": "*",
  };
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  const body = renderOnce(cached, `${format}:${key}`, () => {
    if (format === "json") return JSON.stringify(v.json(cached.snapshot));
    const table = v.csv(cached.snapshot);
    return "\uFEFF" + writeCsv(table.columns, table.rows.map((r) => Object.fromEntries(table.columns.map((c) => [c, cell(r[c])]))));
  });
  return new Response(body, { headers });
}

export const REGION_COLUMNS = ["code", "name", "level", "parent", "channels", "unitsCovered", "mandates", "reporters", "hoursPerWeek", "duplicatesFound", "zombiesFound", "cleanedUp", "suppressed"] as const;
