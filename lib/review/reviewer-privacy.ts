import "server-only";
import { getDb } from "@/lib/db/client";

type ReportEvidence = {
  reportId?: number;
  installedOn?: string | null;
  lastUsedOn?: string | null;
  onlyForFigures?: boolean;
};

/**
 * What a reviewer may see of the people behind a flag. A reporter who filed any report anonymously
 * is never named; per-report details (dates) are withheld when the group is smaller than the
 * publication threshold or when any report among them is anonymous, so that no one is singled out.
 */
export async function redactForReviewer(
  flag: { reporterId: number | null; evidence: unknown },
  minGroup: number,
): Promise<{ reporter: string | null; reporterHidden: boolean; evidence: Record<string, unknown> }> {
  const db = await getDb();
  const evidence = { ...((flag.evidence ?? {}) as Record<string, unknown>) };
  let reporter: string | null = null;
  let reporterHidden = false;
  if (flag.reporterId !== null) {
    const person = await db.user.findUnique({
      where: { id: flag.reporterId },
      select: { login: true, reports: { where: { anonymous: true }, select: { id: true }, take: 1 } },
    });
    reporterHidden = !person || person.reports.length > 0;
    reporter = reporterHidden ? null : person!.login;
  }
  const reports = Array.isArray(evidence.reports) ? (evidence.reports as ReportEvidence[]) : null;
  if (reports) {
    const ids = reports.map((r) => r.reportId).filter((id): id is number => typeof id === "number");
    const anonymous = ids.length ? await db.report.count({ where: { id: { in: ids }, anonymous: true } }) : 0;
    const group = typeof evidence.reporters === "number" ? evidence.reporters : reports.length;
    if (anonymous > 0 || group < minGroup) {
      evidence.reports = { withheld: true, count: reports.length };
    } else {
      // Report ids lead to the person; the dates are what a reviewer needs.
      evidence.reports = reports.map(({ installedOn, lastUsedOn, onlyForFigures }) => ({
        installedOn,
        lastUsedOn,
        onlyForFigures,
      }));
    }
  }
  return { reporter, reporterHidden, evidence };
}
