import "server-only";
import { requireUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";

export type ReviewOverview = { jurisdictionName: string | null; units: number; openFlags: number };

/**
 * A reviewer sees their jurisdiction's subtree only; an administrator the whole tree.
 * A reviewer without a jurisdiction sees nothing rather than everything (fail closed).
 */
export async function getReviewOverview(): Promise<ReviewOverview> {
  const user = await requireUser("review:view");
  const db = await getDb();
  const root = user.role === "ADMIN" ? "/" : user.jurisdictionPath;
  if (!root) return { jurisdictionName: null, units: 0, openFlags: 0 };
  const within = { path: { startsWith: root } };
  const [rootUnit, units, openFlags] = await Promise.all([
    root === "/" ? null : db.unit.findFirst({ where: { path: root }, select: { name: true } }),
    db.unit.count({ where: { ...within, retiredAt: null } }),
    db.flag.count({ where: { status: "open", unit: within } }),
  ]);
  return { jurisdictionName: rootUnit?.name ?? null, units, openFlags };
}
