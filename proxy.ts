import { NextResponse, type NextRequest } from "next/server";
import { SESSION_COOKIES } from "@/lib/auth/session-cookies";
import { contentSecurityPolicy, HSTS, STATIC_SECURITY_HEADERS } from "@/lib/security/headers";
import { fromThisSite } from "@/lib/security/origin";

/*
 * Three jobs, none of them deciding access (every page, action and route handler checks the user
 * itself): security headers on every response, with a fresh nonce for Next.js's own inline scripts
 * so the Content-Security-Policy needs no 'unsafe-inline' for scripts; sending visitors without
 * any session cookie to sign-in before a protected page renders; refusing oversized action bodies
 * and undecodable paths. (Public reads served from memory skip it: lib/public/lean-path.ts.)
 */
const PROTECTED = ["/me", "/review", "/admin"];
/** No form of the app sends more than a few KB; a larger server-action body is refused here with words, not left to fail inside Next.js. */
const ACTION_BODY_LIMIT = 256 * 1024;

/** Next.js answers 500 to a path whose escapes are not UTF-8 (e.g. %FF or %ZZ); that is the sender's mistake: 400. */
function decodablePath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

const refuse = (status: number, words: string) =>
  new NextResponse(words, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", ...STATIC_SECURITY_HEADERS },
  });

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (!decodablePath(request.nextUrl.pathname)) return refuse(400, "地址无效。The address is not valid.");
  if (request.method === "POST" && request.headers.has("next-action")) {
    if (Number(request.headers.get("content-length") ?? 0) > ACTION_BODY_LIMIT)
      return refuse(413, "提交的内容过大（上限 256 KB）。The form sent is too large (limit 256 KB).");
    // Next.js answers an action from another site with a 500 of its own; it is the sender's fault: 403, with words.
    const origin = request.headers.get("origin");
    if (origin !== null && !fromThisSite(origin, request.headers.get("host")))
      return refuse(403, "请从本站页面提交。Send forms from this site's pages.");
  }
  const isProtected = PROTECTED.some((p) => pathname === p || pathname.startsWith(`${p}/`));
  let response: NextResponse;
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy({ nonce });
  if (isProtected && !SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    const url = request.nextUrl.clone();
    url.pathname = "/signin";
    // The page asked for, with its query (a document's unit, a filtered list), to come back to.
    url.search = `?next=${encodeURIComponent(pathname + request.nextUrl.search)}`;
    response = NextResponse.redirect(url);
  } else {
    // Next.js reads the nonce from the request's policy header and puts it on its scripts.
    const headers = new Headers(request.headers);
    headers.set("x-nonce", nonce);
    headers.set("Content-Security-Policy", csp);
    response = NextResponse.next({ request: { headers } });
  }
  response.headers.set("Content-Security-Policy", csp);
  for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) response.headers.set(name, value);
  const https = request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
  if (https) response.headers.set("Strict-Transport-Security", HSTS);
  return response;
}

// Every page and route handler; not the build's static files, and not the import: a proxy
// buffers request bodies and cuts them at 10 MB, and import files are larger (the route checks its own size).
export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico|api/admin/import).*)"] };
