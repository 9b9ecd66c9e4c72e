import "server-only";
import { getDb } from "@/lib/db/client";

/** Ends every session of the user at once, copies of the cookie included: each token carries the version it was issued at. */
export async function endAllSessions(userId: number): Promise<void> {
  const db = await getDb();
  await db.user.updateMany({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}
