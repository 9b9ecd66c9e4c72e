import "server-only";
import type { NextAuthOptions } from "next-auth";
import type { Provider } from "next-auth/providers/index";
import CredentialsProvider from "next-auth/providers/credentials";
import { authenticate } from "./authenticate";
import { endAllSessions } from "./end-sessions";
import { resolveAuthSecret } from "./secret";
import { loadSessionUser } from "./session-user";
import { clientAddress } from "./sign-in-throttle";
import { ssoSettings, type SsoSettings } from "./sso-settings";
import { ssoSignIn } from "./sso-sign-in";

/** The province's OpenID Connect provider as next-auth speaks to it: code flow with PKCE and state, claims from userinfo. */
function ssoProvider(settings: SsoSettings): Provider {
  return {
    id: "oidc",
    name: settings.name,
    type: "oauth",
    wellKnown: `${settings.issuer}/.well-known/openid-configuration`,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    authorization: { params: { scope: "openid profile" } },
    // The ID token is checked (issuer, audience, signature); the claims come from the userinfo
    // endpoint, which every provider serves, since many put only `sub` in the ID token.
    idToken: true,
    userinfo: {
      async request({ client, tokens }) {
        const claims = await client.userinfo(tokens.access_token ?? "");
        // The ID token was verified above; the userinfo answer must be about the same person (OIDC Core 5.3.2).
        const idToken = tokens.id_token?.split(".")[1];
        const subject = idToken
          ? (JSON.parse(Buffer.from(idToken, "base64url").toString()) as { sub?: string }).sub
          : null;
        if (claims.sub !== subject) throw new Error("the userinfo answer is about another subject than the ID token");
        return claims;
      },
    },
    checks: ["pkce", "state"],
    profile: (profile: { sub?: unknown; name?: unknown }) => ({
      id: String(profile.sub ?? ""),
      name: typeof profile.name === "string" ? profile.name : null,
    }),
  };
}

/** Short sessions, re-checked against the database on every request (see session-user.ts). */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

let options: NextAuthOptions | undefined;

export function getAuthOptions(): NextAuthOptions {
  const sso = ssoSettings();
  options ??= {
    secret: resolveAuthSecret(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/signin", error: "/signin" },
    providers: [
      CredentialsProvider({
        name: "password",
        credentials: { login: { type: "text" }, password: { type: "password" } },
        authorize: (credentials, req) => authenticate(credentials, new Date(), clientAddress(req?.headers)),
      }),
      ...(sso ? [ssoProvider(sso)] : []),
    ],
    callbacks: {
      // A person the identity provider vouches for becomes this ledger's account, or is turned away with the reason.
      async signIn({ account, profile }) {
        if (account?.provider !== "oidc") return true;
        if (!sso) return false;
        // A failure (the database away, two first sign-ins at once) says so in words, not in the address.
        const outcome = await ssoSignIn(sso, profile).catch(() => null);
        return outcome?.ok ? true : `/signin?error=${outcome?.reason ?? "sso_failed"}`;
      },
      async jwt({ token, user, account, profile }) {
        // The identity signIn just let in is linked by now: this finds its account (never makes one twice).
        if (account?.provider === "oidc") {
          const outcome = sso ? await ssoSignIn(sso, profile).catch(() => null) : null;
          return outcome?.ok ? { ...token, uid: outcome.userId, sv: outcome.sessionVersion } : { ...token, uid: null };
        }
        if (user) {
          const u = user as unknown as { id: string; sessionVersion: number };
          token.uid = Number(u.id);
          token.sv = u.sessionVersion;
        }
        return token;
      },
      // The role shown to the browser is re-read from the database, never trusted from the token.
      async session({ session, token }) {
        const user = await loadSessionUser(token as { uid?: unknown; sv?: unknown });
        if (!user) return { expires: session.expires } as typeof session;
        return { ...session, user: { name: user.name, login: user.login, role: user.role } };
      },
    },
    events: {
      // Signing out invalidates every token of the user at once, including copies of this one.
      async signOut({ token }) {
        const uid = Number(token?.uid);
        if (Number.isInteger(uid)) await endAllSessions(uid);
      },
    },
  };
  return options;
}
