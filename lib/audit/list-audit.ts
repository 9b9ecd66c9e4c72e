import "server-only";
import { authorize, type Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { searchTerm } from "@/lib/validation/search-term";
import { optionalDay } from "@/lib/validation/day-field";
import { AUDIT_KINDS } from "./describe-audit";

export type AuditRow = {
  id: string;
  at: string;
  /** Who acted: their name, and their login (data, shown as typed). */
  actor: { name: string; login: string } | null;
  action: string;
  entity: string;
  entityId: string | null;
  /** The record's name where it has one (a channel's, a unit's, a person's), for the sentence. */
  name: string | null;
  before: unknown;
  after: unknown;
};
export type AuditQuery = {
  entity?: string;
  entityId?: string;
  before?: string;
  who?: string;
  kind?: string;
  from?: string;
  to?: string;
};

export const AUDIT_PAGE = 100;
/** A day from the filter, YYYY-MM-DD and real, or none. */
const day = (v: string | undefined) => (optionalDay.safeParse(v).data ? v! : null);

/**
 * The audit trail, newest first: by record, by person (login or name), by kind of action, by
 * Beijing day. The rows an import wrote share its transaction's time with the import's own entry;
 * they are shown as that one entry (its summary, and a download of the rows: importRows) unless
 * a record is asked for by name.
 */
export async function listAudit(actor: Actor, query: AuditQuery = {}): Promise<AuditRow[]> {
  authorize(actor, "admin:manage");
  const db = await getDb();
  const [entity, entityId, who] = [
    searchTerm(query.entity, 40),
    searchTerm(query.entityId, 40),
    searchTerm(query.who, 64),
  ];
  const kind = (AUDIT_KINDS as readonly string[]).includes(query.kind ?? "") ? query.kind! : null;
  const beforeId = query.before && /^\d{1,18}$/.test(query.before) ? BigInt(query.before) : null;
  const [from, to] = [day(query.from), day(query.to)];
  const where = [
    entity ? Prisma.sql`a.entity = ${entity}` : null,
    entityId ? Prisma.sql`a.entity_id = ${entityId}` : null,
    kind ? Prisma.sql`(a.action = ${kind} OR a.action LIKE ${`${kind}.%`})` : null,
    who
      ? Prisma.sql`a.actor_id IN (SELECT id FROM users WHERE login ILIKE ${`%${who}%`} OR name LIKE ${`%${who}%`})`
      : null,
    from ? Prisma.sql`a.at >= (${from}::date::timestamp - interval '8 hours')` : null,
    to ? Prisma.sql`a.at < (${to}::date::timestamp + interval '16 hours')` : null,
    beforeId !== null ? Prisma.sql`a.id < ${beforeId}` : null,
    entity || entityId
      ? null
      : Prisma.sql`NOT EXISTS (SELECT 1 FROM audit_log i WHERE i.at = a.at AND i.entity = 'import' AND a.entity <> 'import')`,
  ].filter((c): c is Prisma.Sql => c !== null);
  const rows = await db.$queryRaw<
    {
      id: bigint;
      at: Date;
      actor_id: number | null;
      action: string;
      entity: string;
      entity_id: string | null;
      before: unknown;
      after: unknown;
    }[]
  >`
    SELECT a.id, a.at, a.actor_id, a.action, a.entity, a.entity_id, a.before, a.after FROM audit_log a
    WHERE ${where.length ? Prisma.join(where, " AND ") : Prisma.sql`true`}
    ORDER BY a.id DESC LIMIT ${AUDIT_PAGE}`;
  const ids = (e: string) => [
    ...new Set(
      rows
        .filter((r) => r.entity === e && r.entity_id && /^\d{1,9}$/.test(r.entity_id))
        .map((r) => Number(r.entity_id)),
    ),
  ];
  const actorIds = [...new Set(rows.map((r) => r.actor_id).filter((id): id is number => id !== null))];
  const [people, channels, units, users] = await Promise.all([
    db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, login: true, name: true } }),
    db.channel.findMany({ where: { id: { in: ids("channel") } }, select: { id: true, name: true } }),
    db.unit.findMany({ where: { id: { in: ids("unit") } }, select: { id: true, name: true } }),
    db.user.findMany({ where: { id: { in: ids("user") } }, select: { id: true, name: true, login: true } }),
  ]);
  const names: Record<string, Map<string, string>> = {
    channel: new Map(channels.map((c) => [String(c.id), `“${c.name}”`])),
    unit: new Map(units.map((u) => [String(u.id), u.name])),
    user: new Map(users.map((u) => [String(u.id), u.name || u.login])),
  };
  const person = new Map(people.map((u) => [u.id, { name: u.name, login: u.login }]));
  return rows.map((r) => ({
    id: String(r.id),
    at: r.at.toISOString(),
    actor: r.actor_id === null ? null : (person.get(r.actor_id) ?? { name: "", login: `#${r.actor_id}` }),
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    name: r.entity_id ? (names[r.entity]?.get(r.entity_id) ?? null) : null,
    before: r.before,
    after: r.after,
  }));
}

/** The rows one import changed (the entries written in its transaction), for its download; null when the id is not an import. */
export async function importRows(
  actor: Actor,
  importEntryId: string,
): Promise<{ action: string; entity: string; entityId: string | null; before: unknown; after: unknown }[] | null> {
  authorize(actor, "admin:manage");
  if (!/^\d{1,18}$/.test(importEntryId)) return null;
  const db = await getDb();
  const entry = await db.auditLog.findFirst({
    where: { id: BigInt(importEntryId) },
    select: { at: true, entity: true },
  });
  if (!entry || entry.entity !== "import") return null;
  const rows = await db.auditLog.findMany({
    where: { at: entry.at, entity: { not: "import" } },
    orderBy: { id: "asc" },
    select: { action: true, entity: true, entityId: true, before: true, after: true },
  });
  return rows;
}
