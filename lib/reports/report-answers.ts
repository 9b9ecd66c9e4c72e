import type { Prisma } from "@/lib/db/generated/client";

/** What a staff member answers of one channel, as reports.csv carries it: read the same by its import and its export. */
export const REPORT_ANSWERS = {
  accounts: true,
  minutesPerWeek: true,
  installedOn: true,
  lastUsedOn: true,
  onlyForFigures: true,
  usefulness: true,
} satisfies Prisma.ReportSelect;
