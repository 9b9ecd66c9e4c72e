import "server-only";
import { authorizePerson, type Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { beijingToday } from "@/lib/dates/calendar-day";
import type { Translate } from "@/lib/i18n/messages";
import { CLEANED_UP_REASONS, FLAG_KINDS } from "../flag-vocabulary";
import { reviewRoot, unitsInJurisdiction } from "../jurisdiction";
import { issuingOffice } from "./issuing-office";

/** Findings of one part of the region: outstanding (open or confirmed), overdue, cleaned up, and the hours behind them. */
export type CleanupFigures = {
  outstanding: number;
  overdue: number;
  cleanedUp: number;
  dismissed: number;
  hoursOutstanding: number;
  hoursRemoved: number;
};

/** A region's clean-up report (清理整治情况通报): where it stands, part by part, and who is late. */
export type RegionCleanupReport = {
  /** null: the whole tree (an administrator's report). */
  region: { code: string; name: string } | null;
  office: string;
  date: string;
  units: number;
  mandatesRevoked: number;
  totals: CleanupFigures;
  byKind: ({ kind: string } & CleanupFigures)[];
  /** The region's next level down, most outstanding hours first; `null` code: found at the region's own level or across its parts. */
  byPart: ({ code: string | null; name: string | null; units: number } & CleanupFigures)[];
  /** Departments with rectifications past their deadline, the latest first. */
  lateDepartments: { name: string; overdue: number; outstanding: number }[];
};

type Line = {
  part: number | null;
  kind: string;
  outstanding: number;
  overdue: number;
  cleaned: number;
  dismissed: number;
  minutes_outstanding: number;
  minutes_removed: number;
};

const hours = (minutes: number) => Math.round((minutes / 60) * 10) / 10;
const NONE: CleanupFigures = {
  outstanding: 0,
  overdue: 0,
  cleanedUp: 0,
  dismissed: 0,
  hoursOutstanding: 0,
  hoursRemoved: 0,
};

const figuresOf = (f: CleanupFigures): CleanupFigures => ({
  outstanding: f.outstanding,
  overdue: f.overdue,
  cleanedUp: f.cleanedUp,
  dismissed: f.dismissed,
  hoursOutstanding: f.hoursOutstanding,
  hoursRemoved: f.hoursRemoved,
});

function add(into: CleanupFigures, l: Line): CleanupFigures {
  return {
    outstanding: into.outstanding + l.outstanding,
    overdue: into.overdue + l.overdue,
    cleanedUp: into.cleanedUp + l.cleaned,
    dismissed: into.dismissed + l.dismissed,
    hoursOutstanding: Math.round((into.hoursOutstanding + hours(l.minutes_outstanding)) * 10) / 10,
    hoursRemoved: Math.round((into.hoursRemoved + hours(l.minutes_removed)) * 10) / 10,
  };
}

/**
 * The clean-up report of a region inside the reviewer's subtree: `regionCode` names it, or empty
 * for the reviewer's whole jurisdiction. null when the region lies outside (the same answer as
 * an unknown code). Findings belong to a part by the unit that scopes them, as in the queue.
 */
export async function getRegionCleanupReport(
  actor: Actor,
  regionCode: string,
  t: Translate,
  now = new Date(),
): Promise<RegionCleanupReport | null> {
  const user = authorizePerson(actor, "review:view");
  const root = reviewRoot(user);
  if (!root) return null;
  const db = await getDb();
  const region = regionCode
    ? await db.unit.findFirst({
        where: { AND: [{ code: regionCode }, unitsInJurisdiction(user)] },
        select: { id: true, code: true, name: true, path: true },
      })
    : root === "/"
      ? null
      : await db.unit.findFirst({ where: { path: root }, select: { id: true, code: true, name: true, path: true } });
  if (regionCode && !region) return null;
  if (!region && root !== "/") return null;
  const today = beijingToday(now);
  // Flags without a scope unit are seen by reviewers of the whole tree only (jurisdiction.ts).
  const inRegion = region ? Prisma.sql`s.path LIKE ${region.path} || '%'` : Prisma.sql`true`;
  const isPart = region ? Prisma.sql`p.parent_id = ${region.id}` : Prisma.sql`p.parent_id IS NULL`;
  const cleaned = Prisma.join(CLEANED_UP_REASONS.map((r) => Prisma.sql`${r}`));
  const [lines, parts, late, units, revoked, office] = await Promise.all([
    db.$queryRaw<Line[]>`
      SELECT p.id AS part, f.kind::text AS kind,
        count(*) FILTER (WHERE f.status IN ('open', 'confirmed'))::int AS outstanding,
        count(*) FILTER (WHERE f.status IN ('open', 'confirmed') AND f.deadline < ${today}::date)::int AS overdue,
        count(*) FILTER (WHERE f.status = 'resolved' AND f.resolved_reason IN (${cleaned}))::int AS cleaned,
        count(*) FILTER (WHERE f.status = 'dismissed')::int AS dismissed,
        coalesce(sum(f.burden) FILTER (WHERE f.status IN ('open', 'confirmed')), 0)::int AS minutes_outstanding,
        coalesce(sum(f.burden) FILTER (WHERE f.status = 'resolved' AND f.resolved_reason IN (${cleaned})), 0)::int AS minutes_removed
      FROM flags f
      LEFT JOIN units s ON s.id = f.scope_unit_id
      LEFT JOIN units p ON ${isPart} AND s.path LIKE p.path || '%'
      WHERE ${inRegion}
      GROUP BY p.id, f.kind`,
    db.$queryRaw<{ id: number; code: string; name: string; level: string; units: number }[]>`
      SELECT p.id, p.code, p.name, p.level::text AS level,
        (SELECT count(*) FROM units u WHERE u.path LIKE p.path || '%' AND u.retired_at IS NULL)::int AS units
      FROM units p WHERE ${isPart} AND p.retired_at IS NULL ORDER BY p.code`,
    db.$queryRaw<{ name: string; overdue: number; outstanding: number }[]>`
      SELECT i.name, count(*) FILTER (WHERE f.deadline < ${today}::date)::int AS overdue, count(*)::int AS outstanding
      FROM flags f JOIN units i ON i.id = f.assigned_issuer_id
      LEFT JOIN units s ON s.id = f.scope_unit_id
      WHERE ${inRegion} AND f.status IN ('open', 'confirmed')
      GROUP BY i.id, i.name HAVING count(*) FILTER (WHERE f.deadline < ${today}::date) > 0
      ORDER BY overdue DESC, i.name`,
    db.unit.count({ where: { retiredAt: null, ...(region ? { path: { startsWith: region.path } } : {}) } }),
    db.mandate.count({
      where: { status: "revoked", ...(region ? { target: { path: { startsWith: region.path } } } : {}) },
    }),
    issuingOffice(db, user, t),
  ]);
  const totals = lines.reduce(add, NONE);
  const byKind = FLAG_KINDS.map((kind) => ({
    kind,
    ...lines.filter((l) => l.kind === kind).reduce(add, NONE),
  })).filter((k) => k.outstanding + k.cleanedUp + k.dismissed > 0);
  // A department is a part of the tree but not a place: listed only where findings are scoped to it.
  const byPart = [
    ...parts.map((p) => ({
      department: p.level === "department",
      code: p.code,
      name: p.name,
      units: p.units,
      ...lines.filter((l) => l.part === p.id).reduce(add, NONE),
    })),
    {
      department: true,
      code: null,
      name: null,
      units: 0,
      ...lines.filter((l) => l.part === null).reduce(add, NONE),
    },
  ]
    .filter((p) => !p.department || p.outstanding + p.cleanedUp + p.dismissed > 0)
    .sort((a, b) => b.hoursOutstanding - a.hoursOutstanding || b.outstanding - a.outstanding)
    .map((p) => ({ code: p.code, name: p.name, units: p.units, ...figuresOf(p) }));
  return {
    region: region && { code: region.code, name: region.name },
    office,
    date: today,
    units,
    mandatesRevoked: revoked,
    totals,
    byKind,
    byPart,
    lateDepartments: late,
  };
}
