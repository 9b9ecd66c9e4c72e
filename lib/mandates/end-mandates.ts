import "server-only";
import { writeAuditMany } from "@/lib/audit/write-audit";
import { getDb } from "@/lib/db/client";
import { beijingToday } from "@/lib/dates/calendar-day";
import { refreshFlagsAfterChange } from "@/lib/flags/refresh-flags";
import { resolveFlagsOfMandates } from "./resolve-mandate-flags";

/** Resolution reason of the flags of a mandate whose `until` date has passed. */
export const ENDED = "mandate_ended";

/**
 * Ends the mandates whose `until` date has passed (Beijing's calendar day), resolving their own
 * flags as a clean-up. Run before every full recompute and by the server's hourly work.
 */
export async function endMandatesPastUntil(today = new Date()): Promise<number> {
  const beijingDay = beijingToday(today);
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const ended = await tx.$queryRaw<{ id: number }[]>`
      UPDATE mandates SET status = 'ended', ended_on = until, ended_reason = 'until_passed', version = version + 1, updated_at = now()
      WHERE status = 'active' AND until IS NOT NULL AND until < ${beijingDay}::date RETURNING id`;
    const ids = ended.map((e) => e.id);
    if (ids.length) {
      await writeAuditMany(
        tx,
        ids.map((id) => ({
          actorId: null,
          action: "mandate.end",
          entity: "mandate",
          entityId: id,
          after: { status: "ended", reason: "until_passed" },
        })),
      );
      await resolveFlagsOfMandates(tx, ids, ENDED, { reviewerId: null, reason: null });
    }
    return ids.length;
  });
}

const HOUR_MS = 3_600_000;
let lastChecked = 0;

/**
 * Ends what is due at most once an hour per process, from the pages people open (reviewers' pages
 * and the public page's releases): there is no scheduler beside the web server, and the embedded
 * database admits no second process. A full recompute follows when something ended.
 */
export async function endDueMandates(now = new Date()): Promise<void> {
  if (now.getTime() - lastChecked < HOUR_MS) return;
  lastChecked = now.getTime();
  try {
    if ((await endMandatesPastUntil(now)) > 0) await refreshFlagsAfterChange("mandates.end");
  } catch (error) {
    lastChecked = 0;
    console.error("ending mandates past their date failed:", error);
  }
}
