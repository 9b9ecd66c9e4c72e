import NextAuth from "next-auth";
import { getAuthOptions } from "@/lib/auth/options";

type Ctx = { params: Promise<{ nextauth: string[] }> };

/** What the app asks of next-auth by GET; its own pages (error, sign-in, sign-out, callbacks) are not ours to show. */
const READS = new Set(["csrf", "session", "providers"]);

// Options are built on first request, not at import, so `next build` never reads the secret.
function handler(req: Request, ctx: Ctx) {
  return NextAuth(req as never, ctx as never, getAuthOptions());
}

/** Anything else opened in a browser (GET /api/auth/callback/credentials, say) goes to the sign-in page, not next-auth's English error text. */
async function GET(req: Request, ctx: Ctx) {
  const { nextauth } = await ctx.params;
  if (nextauth.length === 1 && READS.has(nextauth[0]!)) return handler(req, ctx);
  return new Response(null, { status: 303, headers: { Location: "/signin" } });
}

export { GET, handler as POST };
