import "server-only";
import { getDb } from "@/lib/db/client";
import { getThresholds } from "@/lib/settings/thresholds";


export type PublicSummary = {
  channels: number;
  units: number;
  reporters: number | null;
  hoursPerWeek: number | null;
  suppressed: boolean;
  updatedAt: string | null;
};

/** Whole-registry aggregates, no sign-in: counts only, never a row about a person. */
export async function getPublicSummary(): Promise<PublicSummary> {
  const db = await getDb();
  const { values } = await getThresholds();
  const [channels, units, reporters, minutes, lastChange] = await Promise.all([
    db.channel.count({ where: { status: "active", mandates: { some: { status: "active" } } } }),
    db.unit.count({ where: { retiredAt: null, targetMandates: { some: { status: "active" } } } }),
    db.report.findMany({ distinct: ["reporterId"], select: { reporterId: true } }).then((r) => r.length),
    db.report.aggregate({ _sum: { minutesPerWeek: true } }),
    db.auditLog.findFirst({ orderBy: { at: "desc" }, select: { at: true } }),
  ]);
  const suppressed = reporters < values.publicMinReporters;
  return {
    channels,
    units,
    reporters: suppressed ? null : reporters,
    hoursPerWeek: suppressed ? null : Math.round((minutes._sum.minutesPerWeek ?? 0) / 60),
    suppressed,
    updatedAt: lastChange?.at.toISOString() ?? null,
  };
}
