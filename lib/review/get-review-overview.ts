import "server-only";
import { authorizePerson, type Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db/client";
import { CLEANED_UP_REASONS } from "./flag-vocabulary";
import { flagsInJurisdiction, reviewRoot } from "./jurisdiction";

export type ReviewOverview = {
  jurisdictionName: string | null;
  units: number;
  byStatus: Record<"open" | "confirmed" | "dismissed" | "resolved", number>;
  overdue: number;
  /** Staff time a week behind flags resolved by clean-up (not those that merely cleared). */
  hoursRemoved: number;
  hoursOpen: number;
};

/**
 * The jurisdiction's totals: a reviewer sees their subtree only, an administrator the whole tree.
 * A reviewer without a jurisdiction sees nothing rather than everything (fail closed).
 */
export async function getReviewOverview(actor: Actor, now = new Date()): Promise<ReviewOverview> {
  const user = authorizePerson(actor, "review:view");
  const db = await getDb();
  const root = reviewRoot(user);
  const empty = {
    jurisdictionName: null,
    units: 0,
    byStatus: { open: 0, confirmed: 0, dismissed: 0, resolved: 0 },
    overdue: 0,
    hoursRemoved: 0,
    hoursOpen: 0,
  };
  if (!root) return empty;
  const scope = flagsInJurisdiction(user);
  const [rootUnit, units, statuses, overdue, removed] = await Promise.all([
    root === "/" ? null : db.unit.findFirst({ where: { path: root }, select: { name: true } }),
    db.unit.count({ where: { path: { startsWith: root }, retiredAt: null } }),
    db.flag.groupBy({ by: ["status"], where: scope, _count: true, _sum: { burden: true } }),
    db.flag.count({
      where: {
        AND: [
          scope,
          { status: { in: ["open", "confirmed"] }, deadline: { lt: new Date(now.toISOString().slice(0, 10)) } },
        ],
      },
    }),
    db.flag.aggregate({
      where: {
        AND: [scope, { status: "resolved", resolvedReason: { in: [...CLEANED_UP_REASONS] } }],
      },
      _sum: { burden: true },
    }),
  ]);
  const byStatus = { ...empty.byStatus };
  let openMinutes = 0;
  for (const s of statuses) {
    byStatus[s.status] = s._count;
    if (s.status === "open" || s.status === "confirmed") openMinutes += s._sum.burden ?? 0;
  }
  const hours = (minutes: number) => Math.round(minutes / 6) / 10;
  return {
    jurisdictionName: rootUnit?.name ?? null,
    units,
    byStatus,
    overdue,
    hoursRemoved: hours(removed._sum.burden ?? 0),
    hoursOpen: hours(openMinutes),
  };
}
