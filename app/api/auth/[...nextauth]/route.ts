import NextAuth from "next-auth";
import { getAuthOptions } from "@/lib/auth/options";
import { ssoSettings } from "@/lib/auth/sso-settings";

type Ctx = { params: Promise<{ nextauth: string[] }> };

/** What the app asks of next-auth by GET; its own pages (error, sign-in, sign-out, callbacks) are not ours to show. */
const READS = new Set(["csrf", "session", "providers"]);

// Options are built on first request, not at import, so `next build` never reads the secret.
function handler(req: Request, ctx: Ctx) {
  return NextAuth(req as never, ctx as never, getAuthOptions());
}

/** The identity provider sends the browser back here by GET (single sign-on, lib/auth/sso-settings.ts). */
const SSO_RETURN = ["callback", "oidc"];

/** Anything else opened in a browser (GET /api/auth/callback/credentials, say) goes to the sign-in page, not next-auth's English error text. */
async function GET(req: Request, ctx: Ctx) {
  const { nextauth } = await ctx.params;
  if (nextauth.length === 1 && READS.has(nextauth[0]!)) return handler(req, ctx);
  if (nextauth.join("/") === SSO_RETURN.join("/") && ssoSettings()) return handler(req, ctx);
  // next-auth's error page: the sign-in page says it instead (a code of letters, nothing else, passes).
  const error = nextauth[0] === "error" ? new URL(req.url).searchParams.get("error") : null;
  if (error && /^[A-Za-z_]{1,40}$/.test(error))
    return new Response(null, { status: 303, headers: { Location: `/signin?error=${error}` } });
  return new Response(null, { status: 303, headers: { Location: "/signin" } });
}

export { GET, handler as POST };
