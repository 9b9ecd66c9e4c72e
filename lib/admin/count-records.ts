import "server-only";
import { authorize, type Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db/client";

export type RecordCounts = Record<"units" | "users" | "channels" | "mandates" | "reports" | "audit", number>;

export async function countRecords(actor: Actor): Promise<RecordCounts> {
  authorize(actor, "admin:view");
  const db = await getDb();
  const [units, users, channels, mandates, reports, audit] = await Promise.all([
    db.unit.count(),
    db.user.count(),
    db.channel.count(),
    db.mandate.count(),
    db.report.count(),
    db.auditLog.count(),
  ]);
  return { units, users, channels, mandates, reports, audit };
}
