import "server-only";
import { assertCan, type Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db/client";
import { searchTerm } from "@/lib/ledger/search-term";

export type AuditRow = { id: string; at: string; actor: string | null; action: string; entity: string; entityId: string | null; before: unknown; after: unknown };

const PAGE = 100;

/** The audit trail, newest first, filtered by entity and id; read-only by construction. */
export async function listAudit(actor: Actor, query: { entity?: string; entityId?: string; before?: string } = {}): Promise<AuditRow[]> {
  assertCan(actor, "admin:manage");
  const db = await getDb();
  const [entity, entityId] = [searchTerm(query.entity, 40), searchTerm(query.entityId, 40)];
  const beforeId = query.before && /^\d{1,18}$/.test(query.before) ? BigInt(query.before) : undefined;
  const rows = await db.auditLog.findMany({
    where: {
      ...(entity ? { entity } : {}),
      ...(entityId ? { entityId } : {}),
      ...(beforeId ? { id: { lt: beforeId } } : {}),
    },
    orderBy: { id: "desc" },
    take: PAGE,
  });
  const actorIds = [...new Set(rows.map((r) => r.actorId).filter((id): id is number => id !== null))];
  const logins = new Map((await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, login: true } })).map((u) => [u.id, u.login]));
  return rows.map((r) => ({
    id: String(r.id),
    at: r.at.toISOString(),
    actor: r.actorId === null ? null : (logins.get(r.actorId) ?? `#${r.actorId}`),
    action: r.action,
    entity: r.entity,
    entityId: r.entityId,
    before: r.before,
    after: r.after,
  }));
}
