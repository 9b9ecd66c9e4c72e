import "server-only";
import type { SessionUser } from "@/lib/auth/session-user";
import type { PrismaClient } from "@/lib/db/generated/client";
import type { Translate } from "@/lib/i18n/messages";

/**
 * Who signs a printed document: the reviewer's jurisdiction (a county's clean-up office, say), or
 * the national office. Called by a document's command once it has authorized the reviewer.
 */
export async function issuingOffice(db: PrismaClient, user: SessionUser, t: Translate): Promise<string> {
  if (!user.jurisdictionPath) return t("notice.officeWhole");
  const unit = await db.unit.findFirst({ where: { path: user.jurisdictionPath }, select: { name: true } });
  return unit?.name ?? t("notice.officeWhole");
}

/** A day as a printed document dates itself: 2026年12月4日. */
export function printedDate(day: string, t: Translate): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return t("notice.date", { y, m, d });
}
