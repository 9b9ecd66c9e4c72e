import type { Prisma } from "@/lib/db/generated/client";

/** What a mandate demands, as mandates.csv carries it: read the same by its import and its export. */
export const MANDATE_TERMS = {
  actions: true,
  assessmentLinked: true,
  ranking: true,
  quota: true,
  since: true,
  document: true,
  until: true,
  appliesToSubtree: true,
} satisfies Prisma.MandateSelect;
