import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { gzipSync } from "node:zlib";
import { SESSION_COOKIES } from "@/lib/auth/session-cookies";
import { LOCALE_COOKIE } from "@/lib/i18n/messages";
import { contentSecurityPolicy, HSTS, STATIC_SECURITY_HEADERS } from "@/lib/security/headers";
import { CHECK_EVERY_MS, RELEASE_HEADER, sharedSnapshot, type LeanEntry } from "./public-state";

/*
 * The lean path for the busiest public reads: the public page and the open-data API, for visitors
 * without a session. The first request for a URL (in its canonical form, below) goes through
 * Next.js as usual and, beside it, the server asks itself for that URL once and keeps the answer;
 * until the release changes or is due for its check (every CHECK_EVERY_MS, done by Next.js on the
 * next request that reaches it), the same URL is answered from memory without entering Next.js.
 *
 * A page kept in memory cannot carry a per-request nonce, so its Content-Security-Policy lists the
 * hashes of its inline scripts instead: the same protection, the same bytes for everyone.
 */
const RENDER_HEADER = "x-fingertip-render";
const MAX_ENTRIES = 5000;
const JSON_CSP = "default-src 'none'; frame-ancestors 'none'";
const KEPT_HEADERS = [
  "content-type",
  "cache-control",
  "etag",
  "access-control-allow-origin",
  "content-disposition",
  RELEASE_HEADER,
];
const STATUSES = new Set(["active", "retired", "merged"]);

/**
 * The one URL that stands for a public request, or null when the lean path should not answer it
 * (not a public read, or a region or status the release does not know, which Next.js answers with
 * 404 or 400). Unknown query parameters change nothing in the answer, so they are left out: the
 * kept answers are bounded by the regions of the release, not by what visitors type.
 */
export function canonicalPublicUrl(url: URL, regions: ReadonlySet<string>): string | null {
  const q = url.searchParams;
  const region = q.get("region");
  const format = q.get("format") === "csv" ? "?format=csv" : "";
  const withQuery = (path: string, params: [string, string | null][]) => {
    const kept = params.filter(([, v]) => v !== null && v !== "").map(([k, v]) => `${k}=${encodeURIComponent(v!)}`);
    return kept.length ? `${path}?${kept.join("&")}` : path;
  };
  const known = (code: string | null) => code === null || code === "" || regions.has(code);
  const path = url.pathname;
  // A later page of a long list on the public page goes through Next.js: the kept answers stay one a region.
  if (path === "/" && (q.get("issuersPage") || q.get("retiredPage"))) return null;
  if (path === "/") return withQuery("/", [["region", region !== null && regions.has(region) ? region : null]]);
  if (path === "/api/v1/public/summary") return path + format;
  const unit = /^\/api\/v1\/public\/units\/([^/]+)$/.exec(path);
  if (unit) {
    let code: string;
    try {
      code = decodeURIComponent(unit[1]!);
    } catch {
      return null;
    }
    return regions.has(code) ? `/api/v1/public/units/${encodeURIComponent(code)}${format}` : null;
  }
  if (!known(region)) return null;
  if (path === "/api/v1/public/issuers")
    return withQuery(path, [
      ["region", region],
      ["format", format ? "csv" : null],
    ]);
  if (path === "/api/v1/public/channels") {
    const status = q.get("status");
    if (status !== null && !STATUSES.has(status)) return null;
    return withQuery(path, [
      ["status", status],
      ["region", region],
      ["format", format ? "csv" : null],
    ]);
  }
  return null;
}

function cookiesOf(req: IncomingMessage): Map<string, string> {
  const jar = new Map<string, string>();
  for (const part of (req.headers.cookie ?? "").split(";")) {
    const i = part.indexOf("=");
    if (i > 0) jar.set(part.slice(0, i).trim(), part.slice(i + 1).trim());
  }
  return jar;
}

/** The sha256 of each inline script of a page, as CSP source expressions want them. */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const m of html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
    if (m[1]) hashes.add(createHash("sha256").update(m[1], "utf8").digest("base64"));
  }
  return [...hashes];
}

async function capture(url: string, origin: string, locale: string): Promise<LeanEntry | null> {
  const response = await fetch(origin + url, {
    headers: {
      [RENDER_HEADER]: "1",
      "accept-encoding": "identity",
      ...(locale === "en" ? { cookie: `${LOCALE_COOKIE}=en` } : {}),
    },
  });
  if (response.status !== 200 || response.headers.has("set-cookie")) return null;
  const body = Buffer.from(await response.arrayBuffer());
  const headers: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const value = response.headers.get(name);
    if (value) headers[name] = value;
  }
  const html = (headers["content-type"] ?? "").startsWith("text/html");
  headers["content-security-policy"] = html
    ? contentSecurityPolicy({ hashes: inlineScriptHashes(body.toString("utf8")) })
    : JSON_CSP;
  const etag = headers.etag ?? `"${createHash("sha1").update(body).digest("base64url")}"`;
  headers.etag = etag;
  return { headers, body, etag };
}

function send(req: IncomingMessage, res: ServerResponse, entry: LeanEntry): void {
  const headers: Record<string, string | number> = {
    ...STATIC_SECURITY_HEADERS,
    ...entry.headers,
    Vary: "Accept-Encoding",
  };
  if (req.headers["x-forwarded-proto"] === "https") headers["Strict-Transport-Security"] = HSTS;
  if (req.headers["if-none-match"] === entry.etag) {
    res.writeHead(304, headers).end();
    return;
  }
  let body = entry.body;
  if (/\bgzip\b/.test(String(req.headers["accept-encoding"] ?? "")) && body.length > 1024) {
    body = entry.gzip ??= gzipSync(entry.body);
    headers["Content-Encoding"] = "gzip";
  }
  headers["Content-Length"] = body.length;
  res.writeHead(200, headers);
  res.end(req.method === "HEAD" ? undefined : body);
}

/** Returns a handler that answers from memory when it can (true) or leaves the request to Next.js (false). */
export function createLeanPath(origin: string): (req: IncomingMessage, res: ServerResponse) => boolean {
  const filling = new Set<string>();
  return (req, res) => {
    if ((req.method !== "GET" && req.method !== "HEAD") || req.headers[RENDER_HEADER]) return false;
    const raw = req.url ?? "/";
    if (!raw.startsWith("/") || raw.startsWith("//") || raw.includes("_rsc=")) return false;
    // Navigations inside the app (RSC requests) and signed-in visitors (their name is in the header) go to Next.js.
    if (req.headers.rsc || req.headers["next-router-state-tree"] || req.headers["next-router-prefetch"]) return false;
    const jar = cookiesOf(req);
    if (SESSION_COOKIES.some((name) => jar.has(name))) return false;
    const snapshot = sharedSnapshot();
    if (!snapshot || Date.now() - snapshot.checkedAt > CHECK_EVERY_MS) return false;
    const url = canonicalPublicUrl(new URL(raw, "http://x"), snapshot.regionCodes);
    if (url === null) return false;
    const locale = url.startsWith("/api/") ? "" : jar.get(LOCALE_COOKIE) === "en" ? "en" : "zh-CN";
    const key = `${locale}|${url}`;
    const entry = snapshot.lean.get(key);
    if (entry) {
      send(req, res, entry);
      return true;
    }
    if (!filling.has(key)) {
      filling.add(key);
      capture(url, origin, locale)
        .then((captured) => {
          // Kept only when the release served did not change while it was made.
          if (!captured || sharedSnapshot() !== snapshot) return;
          if (snapshot.lean.size >= MAX_ENTRIES) snapshot.lean.delete(snapshot.lean.keys().next().value!);
          snapshot.lean.set(key, captured);
        })
        .catch((error: unknown) => console.error("lean path: could not keep", url, error))
        .finally(() => filling.delete(key));
    }
    return false;
  };
}
