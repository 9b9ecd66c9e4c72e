import "server-only";
import { requireUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";

export type MyReport = { id: number; channel: string; accounts: number; minutesPerWeek: number; lastUsedOn: string | null };
export type MyBurden = { unitName: string | null; reports: MyReport[]; accounts: number; hoursPerWeek: number };

/** The signed-in staff member's own current reports; scoped by the session, never by an id sent in. */
export async function getMyBurden(): Promise<MyBurden> {
  const user = await requireUser("me:view");
  const db = await getDb();
  const [unit, rows] = await Promise.all([
    user.unitId ? db.unit.findUnique({ where: { id: user.unitId }, select: { name: true } }) : null,
    db.report.findMany({
      where: { reporterId: user.id },
      orderBy: { channel: { name: "asc" } },
      select: { id: true, accounts: true, minutesPerWeek: true, lastUsedOn: true, channel: { select: { name: true } } },
    }),
  ]);
  const reports = rows.map((r) => ({
    id: r.id,
    channel: r.channel.name,
    accounts: r.accounts,
    minutesPerWeek: r.minutesPerWeek,
    lastUsedOn: r.lastUsedOn?.toISOString().slice(0, 10) ?? null,
  }));
  return {
    unitName: unit?.name ?? null,
    reports,
    accounts: reports.reduce((s, r) => s + r.accounts, 0),
    hoursPerWeek: Math.round((reports.reduce((s, r) => s + r.minutesPerWeek, 0) / 60) * 10) / 10,
  };
}
