import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import { bulkColumns, bulkInsert } from "@/lib/db/bulk-insert";

type AuditClient = {
  auditLog: {
    create: (args: { data: Prisma.AuditLogUncheckedCreateInput }) => Promise<unknown>;
  };
};

export type AuditEntry = {
  actorId: number | null;
  action: string;
  entity: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
};

/** Appends one entry; call it inside the transaction that makes the change, so both land or neither. */
export async function writeAudit(tx: AuditClient, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({ data: toRow(entry) });
}

/** Many entries at once (imports): same rule, one entry per changed row. */
export async function writeAuditMany(tx: Parameters<typeof bulkInsert>[0], entries: AuditEntry[]): Promise<void> {
  await bulkInsert(
    tx,
    "audit_log",
    bulkColumns("actor_id int, action text, entity text, entity_id text, before jsonb::jsonb, after jsonb::jsonb"),
    entries.map((e) => [
      e.actorId,
      e.action,
      e.entity,
      e.entityId == null ? null : String(e.entityId),
      e.before ?? null,
      e.after ?? null,
    ]),
  );
}

function toRow(entry: AuditEntry): Prisma.AuditLogUncheckedCreateInput {
  return {
    actorId: entry.actorId,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId == null ? null : String(entry.entityId),
    before: toJson(entry.before),
    after: toJson(entry.after),
  };
}

function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}
