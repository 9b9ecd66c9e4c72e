import { encode } from "next-auth/jwt";

/*
 * A stand-in for the request that Next.js would give server code: its cookies and headers. Tests
 * sign in by putting a real next-auth session cookie here, so requireUser runs its real checks.
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
  const token = await encode({ token: { uid: user.id, sv: user.sessionVersion }, secret: process.env.NEXTAUTH_SECRET! });
  jar.set("next-auth.session-token", token);
}
