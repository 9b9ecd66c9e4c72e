import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authenticate } from "./authenticate";
import { endAllSessions } from "./end-sessions";
import { resolveAuthSecret } from "./secret";
import { loadSessionUser } from "./session-user";
import { clientAddress } from "./sign-in-throttle";

/** Short sessions, re-checked against the database on every request (see session-user.ts). */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

let options: NextAuthOptions | undefined;

export function getAuthOptions(): NextAuthOptions {
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
    ],
    callbacks: {
      jwt({ token, user }) {
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
