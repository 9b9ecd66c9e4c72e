import "server-only";
import { refreshFlagsAfterChange } from "@/lib/flags/refresh-flags";
import { authorize, type Actor } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit/write-audit";
import { getDb } from "@/lib/db/client";
import type { ChannelKind, ChannelStatus, Prisma, Purpose } from "@/lib/db/generated/client";
import { CHANNEL_KINDS, PURPOSES } from "@/lib/vocabulary";
import { AppError } from "@/lib/errors";
import { initialsOf, normalizeName } from "./channel-keys";
import type { EditChannelInput } from "./channel.validation";
import { searchTerm } from "@/lib/validation/search-term";

export type CatalogueEntry = {
  id: number;
  version: number;
  name: string;
  kind: ChannelKind;
  purpose: Purpose;
  status: ChannelStatus;
  operator: string;
  platformId: string;
  filing: string;
  aliases: string[];
  proposed: boolean;
  mandates: number;
  reports: number;
  /** A staff proposal still awaiting an administrator. */
  pending: boolean;
};
export type CatalogueQuery = {
  q?: string;
  status?: string;
  kind?: string;
  purpose?: string;
  proposed?: boolean;
  page?: number;
};
export const CATALOGUE_PAGE = 50;

function catalogueWhere(query: CatalogueQuery): Prisma.ChannelWhereInput {
  const q = searchTerm(query.q);
  const pick = <T extends string>(value: string | undefined, list: readonly T[]) =>
    list.includes(value as T) ? (value as T) : undefined;
  const status = pick(query.status, ["active", "retired", "merged"] as const);
  const kind = pick(query.kind, CHANNEL_KINDS);
  const purpose = pick(query.purpose, PURPOSES);
  return {
    ...(status ? { status } : {}),
    ...(kind ? { kind } : {}),
    ...(purpose ? { purpose } : {}),
    ...(query.proposed ? { proposedById: { not: null }, proposalReviewedAt: null, status: "active" } : {}),
    ...(q
      ? {
          OR: [
            { name: { contains: q, mode: "insensitive" } },
            { aliases: { some: { alias: { contains: q, mode: "insensitive" } } } },
            { initials: { startsWith: q.toLowerCase() } },
          ],
        }
      : {}),
  };
}

const ENTRY = {
  operatorUnit: { select: { code: true, name: true } },
  aliases: { select: { alias: true }, orderBy: { id: "asc" } },
  _count: { select: { mandates: true, reports: true } },
} as const;

function toEntry(c: Prisma.ChannelGetPayload<{ include: typeof ENTRY }>): CatalogueEntry {
  return {
    id: c.id,
    version: c.version,
    name: c.name,
    kind: c.kind,
    purpose: c.purpose,
    status: c.status,
    operator: c.operatorUnit?.code ?? c.operatorName ?? "",
    platformId: c.platformId ?? "",
    filing: c.filing ?? "",
    aliases: c.aliases.map((a) => a.alias),
    proposed: c.proposedById !== null,
    mandates: c._count.mandates,
    reports: c._count.reports,
    pending: c.proposedById !== null && c.proposalReviewedAt === null && c.status === "active",
  };
}

/** The catalogue for administrators, a page at a time: search by name, alias or initials; filter by status, kind, purpose, or proposals awaiting review (newest first). */
export async function listCatalogue(
  actor: Actor,
  query: CatalogueQuery = {},
): Promise<{ entries: CatalogueEntry[]; total: number }> {
  authorize(actor, "admin:manage");
  const db = await getDb();
  const where = catalogueWhere(query);
  const [rows, total] = await Promise.all([
    db.channel.findMany({
      where,
      orderBy: query.proposed ? [{ createdAt: "desc" }, { id: "desc" }] : [{ name: "asc" }],
      skip: Math.min(Math.max(0, Math.trunc(query.page ?? 0) || 0), 100_000) * CATALOGUE_PAGE,
      take: CATALOGUE_PAGE,
      include: ENTRY,
    }),
    db.channel.count({ where }),
  ]);
  return { entries: rows.map(toEntry), total };
}

export type ChannelForAdmin = CatalogueEntry & {
  operatorName: string | null;
  mergedInto: string | null;
  proposedBy: { name: string; unit: string | null } | null;
  proposalNote: string | null;
  createdAt: string;
};

/** One catalogue entry with where it came from: its page in the administration. */
export async function getChannelForAdmin(actor: Actor, id: number): Promise<ChannelForAdmin | null> {
  authorize(actor, "admin:manage");
  const db = await getDb();
  const c = await db.channel.findUnique({
    where: { id },
    include: { ...ENTRY, mergedInto: { select: { name: true } } },
  });
  if (!c) return null;
  const proposer = c.proposedById
    ? await db.user.findUnique({
        where: { id: c.proposedById },
        select: { name: true, unit: { select: { name: true } } },
      })
    : null;
  return {
    ...toEntry(c),
    operatorName: c.operatorUnit?.name ?? c.operatorName,
    mergedInto: c.mergedInto?.name ?? null,
    proposedBy: proposer ? { name: proposer.name, unit: proposer.unit?.name ?? null } : null,
    proposalNote: c.proposalNote,
    createdAt: c.createdAt.toISOString().slice(0, 10),
  };
}

/**
 * Edits a catalogue entry. A rename keeps the old name as an alias (files and people still use
 * it); names are unique; a merged entry is history and cannot be edited; a stale form is a conflict.
 */
export async function editChannel(actor: Actor, input: EditChannelInput): Promise<void> {
  authorize(actor, "admin:manage");
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const c = await tx.channel.findUnique({
      where: { id: input.channelId },
      include: { aliases: true, operatorUnit: { select: { code: true } } },
    });
    if (!c) throw new AppError("not_found");
    if (c.status === "merged") throw new AppError("invalid_input", { status: ["merged_history"] });
    if (c.version !== input.version) throw new AppError("conflict");
    if (input.name !== c.name && (await tx.channel.findUnique({ where: { name: input.name }, select: { id: true } }))) {
      throw new AppError("invalid_input", { name: ["name_taken"] });
    }
    const unit = input.operator
      ? await tx.unit.findUnique({ where: { code: input.operator }, select: { id: true } })
      : null;
    const changed = await tx.channel.updateMany({
      where: { id: c.id, version: input.version },
      data: {
        name: input.name,
        normalizedName: normalizeName(input.name),
        initials: initialsOf(input.name),
        kind: input.kind,
        purpose: input.purpose,
        platformId: input.platformId,
        filing: input.filing,
        status: input.status,
        operatorUnitId: unit?.id ?? null,
        operatorName: unit ? null : input.operator,
        version: { increment: 1 },
      },
    });
    if (changed.count !== 1) throw new AppError("conflict");
    const known = new Set([input.name, ...c.aliases.map((a) => a.alias)]);
    const added = [input.name !== c.name ? c.name : null, input.newAlias].filter(
      (a): a is string => !!a && !known.has(a),
    );
    for (const alias of new Set(added)) {
      await tx.channelAlias.create({
        data: { channelId: c.id, alias, normalizedName: normalizeName(alias), initials: initialsOf(alias) },
      });
    }
    await writeAudit(tx, {
      actorId: actor.userId,
      action: input.status === "retired" && c.status !== "retired" ? "channel.retire" : "channel.update",
      entity: "channel",
      entityId: c.id,
      before: {
        name: c.name,
        kind: c.kind,
        purpose: c.purpose,
        operator: c.operatorUnit?.code ?? c.operatorName,
        platformId: c.platformId,
        filing: c.filing,
        status: c.status,
      },
      after: {
        name: input.name,
        kind: input.kind,
        purpose: input.purpose,
        operator: input.operator,
        platformId: input.platformId,
        filing: input.filing,
        status: input.status,
        aliasesAdded: [...new Set(added)],
      },
    });
  });
  await refreshFlagsAfterChange("channel.update");
}
