import { NextResponse, type NextRequest } from "next/server";

/*
 * A convenience only: sends visitors without any session cookie to sign-in before rendering.
 * It decides nothing about access; every page, action and route handler checks the user itself.
 */
const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

export function proxy(request: NextRequest) {
  if (SESSION_COOKIES.some((name) => request.cookies.has(name))) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = "/signin";
  url.search = `?next=${encodeURIComponent(request.nextUrl.pathname)}`;
  return NextResponse.redirect(url);
}

export const config = { matcher: ["/me/:path*", "/review/:path*", "/admin/:path*"] };
