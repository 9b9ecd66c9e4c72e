import { NextResponse, type NextRequest } from "next/server";

/*
 * Three jobs, none of them deciding access (every page, action and route handler checks the user
 * itself): security headers on every response, with a fresh nonce for Next.js's own inline scripts
 * so the Content-Security-Policy needs no 'unsafe-inline' for scripts; and sending visitors without
 * any session cookie to sign-in before a protected page renders; refusing oversized action bodies.
 */
const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];
const PROTECTED = ["/me", "/review", "/admin"];
/** No form of the app sends more than a few KB; a larger server-action body is refused here with words, not left to fail inside Next.js. */
const ACTION_BODY_LIMIT = 256 * 1024;

function contentSecurityPolicy(nonce: string): string {
  const dev = process.env.NODE_ENV === "development";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // React and Next set a few style attributes; scripts are where injection matters.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Next.js answers 500 to a path whose escapes are not UTF-8 (e.g. %FF or %ZZ); that is the sender's mistake: 400. */
function decodablePath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (!decodablePath(request.nextUrl.pathname)) {
    return new NextResponse("地址无效。The address is not valid.", { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  if (request.method === "POST" && request.headers.has("next-action") && Number(request.headers.get("content-length") ?? 0) > ACTION_BODY_LIMIT) {
    return new NextResponse("提交的内容过大（上限 256 KB）。The form sent is too large (limit 256 KB).", { status: 413, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const isProtected = PROTECTED.some((p) => pathname === p || pathname.startsWith(`${p}/`));
  let response: NextResponse;
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce);
  if (isProtected && !SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    const url = request.nextUrl.clone();
    url.pathname = "/signin";
    url.search = `?next=${encodeURIComponent(pathname)}`;
    response = NextResponse.redirect(url);
  } else {
    // Next.js reads the nonce from the request's policy header and puts it on its scripts.
    const headers = new Headers(request.headers);
    headers.set("x-nonce", nonce);
    headers.set("Content-Security-Policy", csp);
    response = NextResponse.next({ request: { headers } });
  }
  response.headers.set("Content-Security-Policy", csp);
  response.headers.set("X-Frame-Options", "DENY");
  response.headers.set("X-Content-Type-Options", "nosniff");
  response.headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
  response.headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
  const https = request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
  if (https) response.headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  return response;
}

// Every page and route handler; not the build's static files.
export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"] };
