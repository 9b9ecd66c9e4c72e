import { encode } from "next-auth/jwt";
import type { Actor } from "@/lib/auth/actor";

/*
 * A stand-in for the request that Next.js would give server code: its cookies and headers. Tests
 * sign in by putting a real next-auth session cookie here, so requireActor and sessionActor run their real checks.
 */
const jar = new Map<string, string>();
export const requestHeaders = new Headers({ host: "localhost:3000", origin: "http://localhost:3000" });

export const cookieStore = {
  get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
  getAll: () => [...jar].map(([name, value]) => ({ name, value })),
  has: (name: string) => jar.has(name),
  set: (name: string, value: string) => void jar.set(name, value),
  delete: (name: string) => void jar.delete(name),
};

export async function actAs(user: { id: number; sessionVersion: number } | null): Promise<void> {
  jar.clear();
  if (!user) return;
  const token = await encode({
    token: { uid: user.id, sv: user.sessionVersion },
    secret: process.env.NEXTAUTH_SECRET!,
  });
  jar.set("next-auth.session-token", token);
}

/**
 * The actor of the signed-in test session, read as a request reads it (a sign-out, a disabled
 * account or a changed role counts), for calling lib/ commands as that person.
 */
export async function sessionActor(): Promise<Actor> {
  // Imported here: next/headers, which current-user reads, is mocked with this module's cookies.
  const [{ getCurrentUser }, { actorFromUser }, { AppError }] = await Promise.all([
    import("@/lib/auth/current-user"),
    import("@/lib/auth/actor"),
    import("@/lib/errors"),
  ]);
  const user = await getCurrentUser();
  if (!user) throw new AppError("unauthenticated");
  return actorFromUser(user);
}
