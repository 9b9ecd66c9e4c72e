import "server-only";
import { requireUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { getThresholds } from "@/lib/settings/thresholds";

export type MyReport = { id: number; channel: string; kind: string; accounts: number; minutesPerWeek: number; lastUsedOn: string | null; onlyForFigures: boolean };
export type WithdrawnReport = { id: number; channel: string; withdrawnOn: string };
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
export async function getMyBurden(): Promise<MyBurden> {
  const user = await requireUser("me:view");
  const db = await getDb();
  const [unit, rows, unitTotals, thresholds] = await Promise.all([
    user.unitId ? db.unit.findUnique({ where: { id: user.unitId }, select: { name: true } }) : null,
    db.report.findMany({
      where: { reporterId: user.id },
      orderBy: { updatedAt: "desc" },
      select: { id: true, accounts: true, minutesPerWeek: true, lastUsedOn: true, onlyForFigures: true, withdrawnOn: true, channel: { select: { name: true, kind: true } } },
    }),
    user.unitId
      ? db.report.groupBy({ by: ["reporterId"], where: { unitId: user.unitId, withdrawnOn: null }, _count: { _all: true }, _sum: { minutesPerWeek: true } })
      : [],
    getThresholds(),
  ]);
  const withdrawn = rows.filter((r) => r.withdrawnOn).map((r) => ({ id: r.id, channel: r.channel.name, withdrawnOn: r.withdrawnOn!.toISOString().slice(0, 10) }));
  const reports = rows.filter((r) => !r.withdrawnOn).map((r) => ({
    id: r.id,
    channel: r.channel.name,
    kind: r.channel.kind,
    accounts: r.accounts,
    minutesPerWeek: r.minutesPerWeek,
    lastUsedOn: r.lastUsedOn?.toISOString().slice(0, 10) ?? null,
    onlyForFigures: r.onlyForFigures,
  }));
  const reporters = unitTotals.length;
  const unitFigures =
    reporters >= thresholds.values.publicMinReporters
      ? {
          reporters,
          channels: Math.round((unitTotals.reduce((s, g) => s + g._count._all, 0) / reporters) * 10) / 10,
          hoursPerWeek: hours(unitTotals.reduce((s, g) => s + (g._sum.minutesPerWeek ?? 0), 0) / reporters),
        }
      : null;
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
