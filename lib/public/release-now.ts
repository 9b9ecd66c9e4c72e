import "server-only";
import { authorize, type Actor } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit/write-audit";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { forgetPublicSnapshot } from "./public-snapshot";
import { makeRelease } from "./releases";

/**
 * An administrator publishes the figures now rather than at the next scheduled release (after an
 * import, say). Recorded in the audit log: a release between scheduled ones narrows the period a
 * change is mixed into.
 */
export async function releasePublicFiguresNow(actor: Actor): Promise<{ releasedAt: string }> {
  authorize(actor, "admin:manage");
  const db = await getDb();
  await db.$transaction((tx) =>
    writeAudit(tx, { actorId: actor.userId, action: "public.release", entity: "public_release" }),
  );
  const head = await makeRelease("admin");
  if (!head) throw new AppError("conflict");
  forgetPublicSnapshot();
  return { releasedAt: head.releasedAt.toISOString() };
}
