import "server-only";
import { authorizePerson, type Actor } from "@/lib/auth/actor";
import type { SessionUser } from "@/lib/auth/session-user";
import type { Db } from "@/lib/db/client";
import { readDb } from "@/lib/db/read-replica";
import type { Prisma } from "@/lib/db/generated/client";
import type { Translate } from "@/lib/i18n/messages";
import { explainFlag } from "@/lib/flags/explain-flag";
import { flagsInJurisdiction } from "./jurisdiction";
import type { QueueFilters } from "./review-filters";

export const PAGE_SIZE = 50;

export type QueueItem = {
  id: number;
  kind: string;
  severity: number;
  status: string;
  explanation: string;
  unit: string | null;
  channels: string[];
  hoursPerWeek: number;
  ageDays: number;
  assignedIssuer: string | null;
  deadline: string | null;
  overdue: boolean;
};

/** The filters as a query on flags, inside the reviewer's subtree. */
export async function queueWhere(
  db: Db,
  filters: QueueFilters,
  user: SessionUser,
  now = new Date(),
): Promise<Prisma.FlagWhereInput> {
  const and: Prisma.FlagWhereInput[] = [flagsInJurisdiction(user)];
  const status = filters.status ?? "open";
  if (status !== "all") and.push({ status });
  if (filters.kind) and.push({ kind: filters.kind });
  if (filters.age) and.push({ firstSeenAt: { lte: new Date(now.getTime() - filters.age * 86_400_000) } });
  if (filters.unit) {
    const unit = await db.unit.findUnique({ where: { code: filters.unit }, select: { path: true } });
    and.push(unit ? { scopeUnit: { path: { startsWith: unit.path } } } : { id: -1 });
  }
  if (filters.issuer) {
    const issuer = await db.unit.findUnique({ where: { code: filters.issuer }, select: { id: true } });
    and.push(issuer ? { OR: [{ issuerIds: { has: issuer.id } }, { assignedIssuerId: issuer.id }] } : { id: -1 });
  }
  const channelQuery = filters.channel ?? filters.q;
  if (channelQuery) {
    const channels = await db.channel.findMany({
      where: {
        OR: [
          { name: { contains: channelQuery, mode: "insensitive" } },
          { aliases: { some: { alias: { contains: channelQuery, mode: "insensitive" } } } },
        ],
      },
      select: { id: true },
      take: 500,
    });
    const byChannel: Prisma.FlagWhereInput = { channelIds: { hasSome: channels.map((c) => c.id) } };
    if (filters.channel) and.push(byChannel);
    else
      and.push({
        OR: [
          byChannel,
          { unit: { name: { contains: channelQuery, mode: "insensitive" } } },
          { unit: { code: channelQuery } },
        ],
      });
  }
  return { AND: and };
}

/** One page of the queue, worst first: severity, then burden (staff affected × time a week). */
export async function listQueue(
  actor: Actor,
  filters: QueueFilters,
  t: Translate,
  now = new Date(),
): Promise<{ items: QueueItem[]; total: number; page: number; pages: number }> {
  const user = authorizePerson(actor, "review:view");
  const db = await readDb(actor.readAfter);
  const where = await queueWhere(db, filters, user, now);
  const page = filters.page ?? 1;
  const [total, flags] = await Promise.all([
    db.flag.count({ where }),
    db.flag.findMany({
      where,
      // Ties in an order that says nothing of who is behind a flag (the digest, a hash of the finding), not by id.
      orderBy: [{ severity: "desc" }, { burden: "desc" }, { digest: "asc" }, { id: "asc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: ITEM_SELECT,
    }),
  ]);
  return {
    total,
    page,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    items: await toQueueItems(db, flags, t, now),
  };
}

/** The findings of one case (ids from lib/flags/cases), as queue items, inside the reviewer's subtree. */
export async function queueItemsOf(actor: Actor, ids: number[], t: Translate, now = new Date()): Promise<QueueItem[]> {
  const user = authorizePerson(actor, "review:view");
  const db = await readDb(actor.readAfter);
  const flags = await db.flag.findMany({
    where: { AND: [flagsInJurisdiction(user), { id: { in: ids } }] },
    orderBy: [{ severity: "desc" }, { burden: "desc" }, { digest: "asc" }, { id: "asc" }],
    select: ITEM_SELECT,
  });
  return toQueueItems(db, flags, t, now);
}

/** The fields of a flag that a row of the queue, on screen or exported, shows (its unit aside). */
export const FLAG_ROW_FIELDS = {
  id: true,
  kind: true,
  severity: true,
  status: true,
  explanation: true,
  channelIds: true,
  burden: true,
  firstSeenAt: true,
  deadline: true,
  assignedIssuerId: true,
} satisfies Prisma.FlagSelect;

const ITEM_SELECT = {
  ...FLAG_ROW_FIELDS,
  unit: { select: { name: true } },
  scopeUnit: { select: { name: true } },
} satisfies Prisma.FlagSelect;

async function toQueueItems(
  db: Db,
  flags: Prisma.FlagGetPayload<{ select: typeof ITEM_SELECT }>[],
  t: Translate,
  now: Date,
): Promise<QueueItem[]> {
  const channelIds = [...new Set(flags.flatMap((f) => f.channelIds))];
  const issuerIds = [...new Set(flags.map((f) => f.assignedIssuerId).filter((id): id is number => id !== null))];
  const [channels, issuers] = await Promise.all([
    db.channel.findMany({ where: { id: { in: channelIds } }, select: { id: true, name: true } }),
    db.unit.findMany({ where: { id: { in: issuerIds } }, select: { id: true, name: true } }),
  ]);
  const channelName = new Map(channels.map((c) => [c.id, c.name]));
  const issuerName = new Map(issuers.map((u) => [u.id, u.name]));
  const today = now.toISOString().slice(0, 10);
  return flags.map((f) => {
    const deadline = f.deadline?.toISOString().slice(0, 10) ?? null;
    return {
      id: f.id,
      kind: f.kind,
      severity: f.severity,
      status: f.status,
      explanation: explainFlag(f.explanation, t),
      unit: f.unit?.name ?? f.scopeUnit?.name ?? null,
      channels: f.channelIds.map((id) => channelName.get(id) ?? `#${id}`),
      hoursPerWeek: Math.round(f.burden / 6) / 10,
      ageDays: Math.floor((now.getTime() - f.firstSeenAt.getTime()) / 86_400_000),
      assignedIssuer: f.assignedIssuerId ? (issuerName.get(f.assignedIssuerId) ?? null) : null,
      deadline,
      overdue: !!deadline && deadline < today && f.status !== "resolved" && f.status !== "dismissed",
    };
  });
}
