import type { Prisma } from "@/lib/db/generated/client";
import { formatDay } from "@/lib/dates/calendar-day";

/** What a staff member answers of one channel, as reports.csv carries it: read the same by its import and its export. */
export const REPORT_ANSWERS = {
  accounts: true,
  minutesPerWeek: true,
  installedOn: true,
  lastUsedOn: true,
  onlyForFigures: true,
  usefulness: true,
} satisfies Prisma.ReportSelect;

/** A report's answers as the database holds them. */
export type StoredAnswers = {
  accounts: number;
  minutesPerWeek: number;
  installedOn: Date | null;
  lastUsedOn: Date | null;
  onlyForFigures: boolean;
  usefulness: number | null;
  requiredByUnitId: number | null;
  requiredByName: string | null;
  actions: string[];
};

/** A report's answers with its days as the files, the history and the audit log write them (YYYY-MM-DD). */
export function answersOf(r: StoredAnswers) {
  return {
    accounts: r.accounts,
    minutesPerWeek: r.minutesPerWeek,
    installedOn: formatDay(r.installedOn),
    lastUsedOn: formatDay(r.lastUsedOn),
    onlyForFigures: r.onlyForFigures,
    usefulness: r.usefulness,
    requiredByUnitId: r.requiredByUnitId,
    requiredByName: r.requiredByName,
    actions: r.actions,
  };
}

export type Answers = ReturnType<typeof answersOf>;
