import "server-only";
import { authorizePerson, type Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db/client";
import { getThresholds } from "@/lib/settings/thresholds";
import { beijingToday } from "@/lib/dates/calendar-day";

export type MyReport = {
  id: number;
  channel: string;
  kind: string;
  accounts: number;
  minutesPerWeek: number;
  lastUsedOn: string | null;
  onlyForFigures: boolean;
};
/** `elsewhere`: the unit the report was made at, when the person has moved since. */
export type WithdrawnReport = { id: number; channel: string; withdrawnOn: string; elsewhere: string | null };
export type MyBurden = {
  /** Reports no longer required, kept in history. */
  withdrawn: WithdrawnReport[];
  unitName: string | null;
  reports: MyReport[];
  accounts: number;
  hoursPerWeek: number;
  /** Per-person averages of the unit; null when too few report there to compare without exposing anyone. */
  unit: { reporters: number; channels: number; hoursPerWeek: number } | null;
  /** The fewest reporters a unit needs before its averages are shown. */
  minReporters: number;
};

const hours = (minutes: number) => Math.round((minutes / 60) * 10) / 10;

/** The signed-in staff member's own current reports, scoped by the session, never by an id sent in. */
export async function getMyBurden(actor: Actor): Promise<MyBurden> {
  const user = authorizePerson(actor, "me:view");
  const db = await getDb();
  const [unit, rows, unitTotals, thresholds] = await Promise.all([
    user.unitId ? db.unit.findUnique({ where: { id: user.unitId }, select: { name: true } }) : null,
    db.report.findMany({
      where: { reporterId: user.id },
      orderBy: { updatedAt: "desc" },
      select: {
        id: true,
        unitId: true,
        accounts: true,
        minutesPerWeek: true,
        lastUsedOn: true,
        onlyForFigures: true,
        withdrawnOn: true,
        channel: { select: { name: true, kind: true } },
        unit: { select: { name: true } },
      },
    }),
    user.unitId ? unitAveragesOfToday(user.unitId) : null,
    getThresholds(),
  ]);
  const withdrawn = rows
    .filter((r) => r.withdrawnOn)
    .map((r) => ({
      id: r.id,
      channel: r.channel.name,
      withdrawnOn: r.withdrawnOn!.toISOString().slice(0, 10),
      elsewhere: r.unitId !== user.unitId ? r.unit.name : null,
    }));
  const reports = rows
    .filter((r) => !r.withdrawnOn)
    .map((r) => ({
      id: r.id,
      channel: r.channel.name,
      kind: r.channel.kind,
      accounts: r.accounts,
      minutesPerWeek: r.minutesPerWeek,
      lastUsedOn: r.lastUsedOn?.toISOString().slice(0, 10) ?? null,
      onlyForFigures: r.onlyForFigures,
    }));
  const unitFigures = unitTotals && unitTotals.reporters >= thresholds.values.publicMinReporters ? unitTotals : null;
  return {
    withdrawn,
    unitName: unit?.name ?? null,
    reports,
    accounts: reports.reduce((s, r) => s + r.accounts, 0),
    hoursPerWeek: hours(reports.reduce((s, r) => s + r.minutesPerWeek, 0)),
    unit: unitFigures,
    minReporters: thresholds.values.publicMinReporters,
  };
}

type UnitAverages = { day: string; reporters: number; channels: number; hoursPerWeek: number };

/**
 * The unit's per-person averages as of the first look of the Beijing day, kept for the rest of it:
 * recomputed on every save, the difference before and after a colleague's save would be that
 * colleague's figures. A day's changes are mixed together, as in the public releases.
 */
async function unitAveragesOfToday(unitId: number): Promise<UnitAverages> {
  const db = await getDb();
  const key = `me.unitAverages.${unitId}`;
  const day = beijingToday();
  const stored = (await db.setting.findUnique({ where: { key } }))?.value as UnitAverages | undefined;
  if (stored?.day === day) return stored;
  const groups = await db.report.groupBy({
    by: ["reporterId"],
    where: { unitId, withdrawnOn: null },
    _count: { _all: true },
    _sum: { minutesPerWeek: true },
  });
  const reporters = groups.length;
  const averages: UnitAverages = {
    day,
    reporters,
    channels: reporters ? Math.round((groups.reduce((s, g) => s + g._count._all, 0) / reporters) * 10) / 10 : 0,
    hoursPerWeek: reporters ? hours(groups.reduce((s, g) => s + (g._sum.minutesPerWeek ?? 0), 0) / reporters) : 0,
  };
  await db.setting.upsert({ where: { key }, create: { key, value: averages }, update: { value: averages } });
  return averages;
}
