import "server-only";
import { getDb } from "@/lib/db/client";
import { DEMO_LOGINS, DEMO_PASSWORD } from "@/lib/demo/demo-county";
import { verifyPassword } from "./password";

let cached: { at: number; logins: string[] } | undefined;

/** Demo logins still usable with the demo password: announced on the sign-in page only while true. */
export async function listUnchangedDemoLogins(now = Date.now()): Promise<string[]> {
  if (cached && now - cached.at < 30_000) return cached.logins;
  const db = await getDb();
  const users = await db.user.findMany({
    where: { login: { in: [...DEMO_LOGINS] }, disabled: false },
    select: { login: true, passwordHash: true },
  });
  const checks = await Promise.all(
    users.map(async (u) => ((await verifyPassword(DEMO_PASSWORD, u.passwordHash)) ? u.login : null)),
  );
  const logins = DEMO_LOGINS.filter((l) => checks.includes(l));
  cached = { at: now, logins };
  return logins;
}
