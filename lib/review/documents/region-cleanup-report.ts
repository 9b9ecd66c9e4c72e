import "server-only";
import { authorizePerson, type Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { beijingToday } from "@/lib/dates/calendar-day";
import type { Translate } from "@/lib/i18n/messages";
import { CLEANED_UP_REASONS, FLAG_KINDS } from "../flag-vocabulary";
import { reviewRoot, unitsInJurisdiction } from "../jurisdiction";
import { getThresholds } from "@/lib/settings/thresholds";
import { issuingOffice } from "./issuing-office";

/**
 * Findings of one part of the region: outstanding (open or confirmed), overdue, cleaned up, and the
 * hours a week behind them — null where fewer people than the publication threshold stand behind
 * those hours (one person's overload would otherwise be printed as a figure).
 */
export type CleanupFigures = {
  outstanding: number;
  overdue: number;
  cleanedUp: number;
  dismissed: number;
  hoursOutstanding: number | null;
  hoursRemoved: number | null;
};

/** A region's clean-up report (清理整治情况通报): where it stands, part by part, and who is late. */
export type RegionCleanupReport = {
  /** null: the whole tree (an administrator's report). */
  region: { code: string; name: string } | null;
  office: string;
  date: string;
  /** Hours behind fewer people than this are withheld. */
  minGroup: number;
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

/** Counts and minutes of a group of findings, and the people behind its minutes (never printed). */
type Tally = {
  outstanding: number;
  overdue: number;
  cleanedUp: number;
  dismissed: number;
  minutesOutstanding: number;
  minutesRemoved: number;
  peopleOutstanding: Set<number>;
  peopleRemoved: Set<number>;
};

const newTally = (): Tally => ({
  outstanding: 0,
  overdue: 0,
  cleanedUp: 0,
  dismissed: 0,
  minutesOutstanding: 0,
  minutesRemoved: 0,
  peopleOutstanding: new Set(),
  peopleRemoved: new Set(),
});

function addLine(into: Tally, l: Line, people: Map<string, { outstanding: number[]; removed: number[] }>): Tally {
  into.outstanding += l.outstanding;
  into.overdue += l.overdue;
  into.cleanedUp += l.cleaned;
  into.dismissed += l.dismissed;
  into.minutesOutstanding += l.minutes_outstanding;
  into.minutesRemoved += l.minutes_removed;
  const behind = people.get(`${l.part}:${l.kind}`);
  for (const p of behind?.outstanding ?? []) into.peopleOutstanding.add(p);
  for (const p of behind?.removed ?? []) into.peopleRemoved.add(p);
  return into;
}

/** A tally as printed: hours rounded once, after adding, and withheld where too few people give them. */
function figuresOf(tally: Tally, minGroup: number): CleanupFigures {
  const hours = (minutes: number, people: Set<number>) =>
    minutes === 0 ? 0 : people.size >= minGroup ? Math.round((minutes / 60) * 10) / 10 : null;
  return {
    outstanding: tally.outstanding,
    overdue: tally.overdue,
    cleanedUp: tally.cleanedUp,
    dismissed: tally.dismissed,
    hoursOutstanding: hours(tally.minutesOutstanding, tally.peopleOutstanding),
    hoursRemoved: hours(tally.minutesRemoved, tally.peopleRemoved),
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
  // Each flag with the part of the region it belongs to (p), by the unit that scopes it (s).
  const flagsByPart = Prisma.sql`flags f
      LEFT JOIN units s ON s.id = f.scope_unit_id
      LEFT JOIN units p ON ${isPart} AND s.path LIKE p.path || '%'`;
  const cleaned = Prisma.join(CLEANED_UP_REASONS.map((r) => Prisma.sql`${r}`));
  const [lines, behind, parts, late, units, revoked, office, thresholds] = await Promise.all([
    db.$queryRaw<Line[]>`
      SELECT p.id AS part, f.kind::text AS kind,
        count(*) FILTER (WHERE f.status IN ('open', 'confirmed'))::int AS outstanding,
        count(*) FILTER (WHERE f.status IN ('open', 'confirmed') AND f.deadline < ${today}::date)::int AS overdue,
        count(*) FILTER (WHERE f.status = 'resolved' AND f.resolved_reason IN (${cleaned}))::int AS cleaned,
        count(*) FILTER (WHERE f.status = 'dismissed')::int AS dismissed,
        coalesce(sum(f.burden) FILTER (WHERE f.status IN ('open', 'confirmed')), 0)::int AS minutes_outstanding,
        coalesce(sum(f.burden) FILTER (WHERE f.status = 'resolved' AND f.resolved_reason IN (${cleaned})), 0)::int AS minutes_removed
      FROM ${flagsByPart}
      WHERE ${inRegion}
      GROUP BY p.id, f.kind`,
    // Who stands behind the minutes of each group: the person a finding is about, or the staff
    // whose current reports of its unit and channels it counts.
    db.$queryRaw<{ part: number | null; kind: string; outstanding: boolean; people: number[] }[]>`
      SELECT p.id AS part, f.kind::text AS kind, f.status IN ('open', 'confirmed') AS outstanding,
        array_agg(DISTINCT b.person) AS people
      FROM ${flagsByPart}
      CROSS JOIN LATERAL (
        SELECT f.reporter_id AS person WHERE f.reporter_id IS NOT NULL
        UNION
        SELECT r.reporter_id FROM reports r
        WHERE f.reporter_id IS NULL AND r.unit_id = f.unit_id AND r.channel_id = ANY(f.channel_ids) AND r.withdrawn_on IS NULL
      ) b
      WHERE ${inRegion} AND (f.status IN ('open', 'confirmed') OR (f.status = 'resolved' AND f.resolved_reason IN (${cleaned})))
      GROUP BY 1, 2, 3`,
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
    getThresholds(),
  ]);
  const minGroup = thresholds.values.publicMinReporters;
  const people = new Map<string, { outstanding: number[]; removed: number[] }>();
  for (const b of behind) {
    const entry = people.get(`${b.part}:${b.kind}`) ?? { outstanding: [], removed: [] };
    entry[b.outstanding ? "outstanding" : "removed"].push(...b.people);
    people.set(`${b.part}:${b.kind}`, entry);
  }
  const tally = (keep: (l: Line) => boolean) =>
    lines.filter(keep).reduce((into, l) => addLine(into, l, people), newTally());
  const totals = tally(() => true);
  const byKind = FLAG_KINDS.map((kind) => ({ kind, tally: tally((l) => l.kind === kind) }))
    .filter(({ tally: k }) => k.outstanding + k.cleanedUp + k.dismissed > 0)
    .map(({ kind, tally: k }) => ({ kind, ...figuresOf(k, minGroup) }));
  // A department is a part of the tree but not a place: listed only where findings are scoped to
  // it. The region's own level holds the units no listed part does (itself, its departments).
  const listed = parts
    .map((p) => ({ ...p, department: p.level === "department", tally: tally((l) => l.part === p.id) }))
    .filter((p) => !p.department || p.tally.outstanding + p.tally.cleanedUp + p.tally.dismissed > 0);
  const listedIds = new Set(listed.map((p) => p.id));
  const own = {
    code: null,
    name: null,
    units: units - listed.reduce((n, p) => n + p.units, 0),
    tally: tally((l) => l.part === null || !listedIds.has(l.part)),
  };
  const byPart = [
    ...listed.sort(
      (a, b) => b.tally.minutesOutstanding - a.tally.minutesOutstanding || b.tally.outstanding - a.tally.outstanding,
    ),
    ...(own.units > 0 || own.tally.outstanding + own.tally.cleanedUp + own.tally.dismissed > 0 ? [own] : []),
  ].map((p) => ({ code: p.code, name: p.name, units: p.units, ...figuresOf(p.tally, minGroup) }));
  return {
    region: region && { code: region.code, name: region.name },
    office,
    date: today,
    minGroup,
    units,
    mandatesRevoked: revoked,
    totals: figuresOf(totals, minGroup),
    byKind,
    byPart,
    lateDepartments: late,
  };
}
