import "server-only";
import { authorizePerson, type Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { beijingToday, formatDay } from "@/lib/dates/calendar-day";
import { explainFlag } from "@/lib/flags/explain-flag";
import type { Translate } from "@/lib/i18n/messages";
import { getThresholds } from "@/lib/settings/thresholds";
import { idsOnPath } from "@/lib/units/unit-path";
import { unitsInJurisdiction } from "../jurisdiction";
import { issuingOffice } from "./issuing-office";

/** Figures that come from people's own reports: null where fewer people than the threshold stand behind them. */
type PeopleFigures = { staff: number | null; hoursPerWeek: number | null; accounts: number | null };

export type UnitBurdenRow = PeopleFigures & {
  channel: string;
  kind: string;
  /** The departments whose mandates bind the unit to it (confirmed or imported, not yet revoked). */
  requiredBy: string[];
  findings: number;
};

/** A unit's burden report (负担情况报告): what it must use, who requires it, the time it costs, what is wrong. */
export type UnitBurdenReport = {
  unit: { code: string; name: string; level: string; parent: string | null };
  office: string;
  date: string;
  minGroup: number;
  totals: PeopleFigures & { channels: number; mandates: number; issuers: number };
  rows: UnitBurdenRow[];
  findings: { id: number; kind: string; status: string; explanation: string; deadline: string }[];
  /** Findings about one person each (their own overload, a channel only they stopped using): how many of each kind, no figures. */
  personFindings: { kind: string; people: number }[];
};

/** Of the findings about one person each, how many people each kind names. */
function peopleByKind(flags: { kind: string; reporterId: number | null }[]): { kind: string; people: number }[] {
  const people = new Map<string, Set<number>>();
  for (const f of flags)
    if (f.reporterId !== null) people.set(f.kind, (people.get(f.kind) ?? new Set()).add(f.reporterId));
  return [...people].map(([kind, ids]) => ({ kind, people: ids.size }));
}

/** Kinds whose words count a channel's users (how many of its reporters left it unused, say). */
const PEOPLE_KINDS = new Set(["zombie", "one_off", "overload"]);

const hours = (minutes: number) => Math.round((minutes / 60) * 10) / 10;

type ChannelLine = {
  id: number;
  name: string;
  kind: string;
  issuers: string[];
  staff: number;
  minutes: number;
  accounts: number;
  findings: number;
  /** Who gave the line's figures: to tell how many people the withheld lines hold together, never printed. */
  reporters: number[];
};

/**
 * The report of one unit inside the reviewer's subtree (null when it lies outside or does not
 * exist: the same answer, so nothing outside can be probed). Only current reports on channels in
 * use count; the figures people give are withheld where fewer than the publication threshold gave
 * them, on each line and in the total, as the review pages withhold a small group's details.
 */
export async function getUnitBurdenReport(
  actor: Actor,
  unitCode: string,
  t: Translate,
  now = new Date(),
): Promise<UnitBurdenReport | null> {
  const user = authorizePerson(actor, "review:view");
  const db = await getDb();
  const unit = await db.unit.findFirst({
    where: { AND: [{ code: unitCode }, unitsInJurisdiction(user)] },
    select: { id: true, code: true, name: true, level: true, path: true, parent: { select: { name: true } } },
  });
  if (!unit) return null;
  const ancestors = idsOnPath(unit.path);
  // The mandates that bind the unit: its own, and its ancestors' that apply to their subtree
  // (a reported one once a reviewer confirmed it, as on the public page).
  const binds = Prisma.sql`m.status = 'active' AND (m.source <> 'reported' OR m.review = 'confirmed')
    AND (m.target_unit_id = ${unit.id} OR (m.applies_to_subtree AND m.target_unit_id = ANY(${ancestors}::int[])))`;
  const [lines, people, bound, flags, thresholds, office] = await Promise.all([
    db.$queryRaw<ChannelLine[]>`
      WITH bound AS (
        SELECT m.channel_id, array_agg(DISTINCT i.name ORDER BY i.name) AS issuers
        FROM mandates m JOIN units i ON i.id = m.issuer_unit_id
        WHERE ${binds}
        GROUP BY m.channel_id),
      said AS (
        SELECT channel_id, count(DISTINCT reporter_id)::int AS staff, sum(minutes_per_week)::int AS minutes,
               sum(accounts)::int AS accounts, array_agg(DISTINCT reporter_id) AS reporters
        FROM reports WHERE unit_id = ${unit.id} AND withdrawn_on IS NULL GROUP BY channel_id),
      found AS (
        SELECT ch AS channel_id, count(*)::int AS findings
        FROM flags f CROSS JOIN LATERAL unnest(f.channel_ids) AS ch
        WHERE f.unit_id = ${unit.id} AND f.status IN ('open', 'confirmed') GROUP BY ch)
      SELECT c.id, c.name, c.kind::text AS kind, coalesce(b.issuers, '{}') AS issuers, coalesce(s.staff, 0) AS staff,
             coalesce(s.minutes, 0) AS minutes, coalesce(s.accounts, 0) AS accounts, coalesce(f.findings, 0) AS findings,
             coalesce(s.reporters, '{}') AS reporters
      FROM channels c
      LEFT JOIN bound b ON b.channel_id = c.id
      LEFT JOIN said s ON s.channel_id = c.id
      LEFT JOIN found f ON f.channel_id = c.id
      WHERE c.status = 'active' AND (b.channel_id IS NOT NULL OR s.channel_id IS NOT NULL)
      ORDER BY coalesce(s.minutes, 0) DESC, c.name`,
    db.$queryRaw<[{ staff: number; minutes: number; accounts: number }]>`
      SELECT count(DISTINCT r.reporter_id)::int AS staff, coalesce(sum(r.minutes_per_week), 0)::int AS minutes,
             coalesce(sum(r.accounts), 0)::int AS accounts
      FROM reports r JOIN channels c ON c.id = r.channel_id AND c.status = 'active'
      WHERE r.unit_id = ${unit.id} AND r.withdrawn_on IS NULL`,
    db.$queryRaw<[{ mandates: number; issuers: number }]>`
      SELECT count(*)::int AS mandates, count(DISTINCT m.issuer_unit_id)::int AS issuers
      FROM mandates m JOIN channels c ON c.id = m.channel_id AND c.status = 'active'
      WHERE ${binds}`,
    db.flag.findMany({
      where: { unitId: unit.id, status: { in: ["open", "confirmed"] } },
      orderBy: [{ severity: "desc" }, { id: "asc" }],
      select: {
        id: true,
        kind: true,
        status: true,
        explanation: true,
        deadline: true,
        reporterId: true,
        channelIds: true,
      },
      take: 5000,
    }),
    getThresholds(),
    issuingOffice(db, user, t),
  ]);
  const minGroup = thresholds.values.publicMinReporters;
  // Nobody is no one to protect: a line no one reported says 0 (and has no hours to give).
  const figures = (staff: number, minutes: number, accounts: number): PeopleFigures =>
    staff >= minGroup
      ? { staff, hoursPerWeek: hours(minutes), accounts }
      : { staff: staff === 0 ? 0 : null, hoursPerWeek: null, accounts: null };
  // A finding about how many of a channel's few reporters use it would print the count withheld above.
  const fewReporters = new Map(lines.filter((l) => l.staff > 0 && l.staff < minGroup).map((l) => [l.id, l.name]));
  const explain = (f: { kind: string; channelIds: number[]; explanation: unknown }) => {
    const channel = PEOPLE_KINDS.has(f.kind)
      ? f.channelIds.map((id) => fewReporters.get(id)).find((name) => name !== undefined)
      : undefined;
    return channel === undefined ? explainFlag(f.explanation, t) : t("doc.unit.findingFew", { channel, n: minGroup });
  };
  const [total] = people;
  // The total less the lines shown is what the withheld lines hold: printed only when as many
  // people stand behind it as behind any figure (else one person's hours would be a subtraction).
  const behindWithheld = new Set(lines.filter((l) => l.staff < minGroup).flatMap((l) => l.reporters)).size;
  const totals =
    behindWithheld === 0 || behindWithheld >= minGroup
      ? figures(total.staff, total.minutes, total.accounts)
      : { ...figures(total.staff, total.minutes, total.accounts), hoursPerWeek: null, accounts: null };
  return {
    unit: { code: unit.code, name: unit.name, level: unit.level, parent: unit.parent?.name ?? null },
    office,
    date: beijingToday(now),
    minGroup,
    totals: {
      ...totals,
      channels: lines.length,
      mandates: bound[0].mandates,
      issuers: bound[0].issuers,
    },
    rows: lines.map((l) => ({
      channel: l.name,
      kind: l.kind,
      requiredBy: l.issuers,
      findings: l.findings,
      ...figures(l.staff, l.minutes, l.accounts),
    })),
    findings: flags
      .filter((f) => f.reporterId === null)
      .map((f) => ({
        id: f.id,
        kind: f.kind,
        status: f.status,
        explanation: explain(f),
        deadline: formatDay(f.deadline),
      })),
    // A printed page travels further than the review pages: one person's hours are not on it.
    personFindings: peopleByKind(flags),
  };
}
