import "server-only";
import { refreshFlagsAfterChange } from "@/lib/flags/refresh-flags";
import { assertCan, type Actor } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit/write-audit";
import { getDb } from "@/lib/db/client";
import type { ChannelKind, ChannelStatus, Purpose } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { initialsOf, normalizeName } from "./channel-keys";
import type { EditChannelInput } from "./channel.validation";
import { searchTerm } from "@/lib/ledger/search-term";

export type CatalogueEntry = {
  id: number; version: number; name: string; kind: ChannelKind; purpose: Purpose; status: ChannelStatus;
  operator: string; platformId: string; filing: string; aliases: string[]; proposed: boolean; mandates: number; reports: number;
};

/** The catalogue for administrators: search by name or alias, newest proposals first when asked. */
export async function listCatalogue(actor: Actor, query: { q?: string; status?: string; proposed?: boolean } = {}): Promise<CatalogueEntry[]> {
  assertCan(actor, "admin:manage");
  const db = await getDb();
  const q = searchTerm(query.q);
  const status = query.status === "retired" || query.status === "merged" || query.status === "active" ? query.status : undefined;
  const rows = await db.channel.findMany({
    where: {
      ...(status ? { status } : {}),
      ...(query.proposed ? { proposedById: { not: null } } : {}),
      ...(q ? { OR: [{ name: { contains: q, mode: "insensitive" } }, { aliases: { some: { alias: { contains: q, mode: "insensitive" } } } }, { initials: { startsWith: q.toLowerCase() } }] } : {}),
    },
    orderBy: query.proposed ? { createdAt: "desc" } : { name: "asc" },
    take: 200,
    include: { operatorUnit: { select: { code: true } }, aliases: { select: { alias: true }, orderBy: { id: "asc" } }, _count: { select: { mandates: true, reports: true } } },
  });
  return rows.map((c) => ({
    id: c.id, version: c.version, name: c.name, kind: c.kind, purpose: c.purpose, status: c.status,
    operator: c.operatorUnit?.code ?? c.operatorName ?? "", platformId: c.platformId ?? "", filing: c.filing ?? "",
    aliases: c.aliases.map((a) => a.alias), proposed: c.proposedById !== null, mandates: c._count.mandates, reports: c._count.reports,
  }));
}

/**
 * Edits a catalogue entry. A rename keeps the old name as an alias (files and people still use
 * it); names are unique; a merged entry is history and cannot be edited; a stale form is a conflict.
 */
export async function editChannel(actor: Actor, input: EditChannelInput): Promise<void> {
  assertCan(actor, "admin:manage");
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const c = await tx.channel.findUnique({ where: { id: input.channelId }, include: { aliases: true, operatorUnit: { select: { code: true } } } });
    if (!c) throw new AppError("not_found");
    if (c.status === "merged") throw new AppError("invalid_input", { status: ["merged_history"] });
    if (c.version !== input.version) throw new AppError("conflict");
    if (input.name !== c.name && (await tx.channel.findUnique({ where: { name: input.name }, select: { id: true } }))) {
      throw new AppError("invalid_input", { name: ["name_taken"] });
    }
    const unit = input.operator ? await tx.unit.findUnique({ where: { code: input.operator }, select: { id: true } }) : null;
    const changed = await tx.channel.updateMany({
      where: { id: c.id, version: input.version },
      data: {
        name: input.name, normalizedName: normalizeName(input.name), initials: initialsOf(input.name),
        kind: input.kind, purpose: input.purpose, platformId: input.platformId, filing: input.filing, status: input.status,
        operatorUnitId: unit?.id ?? null, operatorName: unit ? null : input.operator, version: { increment: 1 },
      },
    });
    if (changed.count !== 1) throw new AppError("conflict");
    const known = new Set([input.name, ...c.aliases.map((a) => a.alias)]);
    const added = [input.name !== c.name ? c.name : null, input.newAlias].filter((a): a is string => !!a && !known.has(a));
    for (const alias of new Set(added)) {
      await tx.channelAlias.create({ data: { channelId: c.id, alias, normalizedName: normalizeName(alias), initials: initialsOf(alias) } });
    }
    await writeAudit(tx, {
      actorId: actor.userId,
      action: input.status === "retired" && c.status !== "retired" ? "channel.retire" : "channel.update",
      entity: "channel",
      entityId: c.id,
      before: { name: c.name, kind: c.kind, purpose: c.purpose, operator: c.operatorUnit?.code ?? c.operatorName, platformId: c.platformId, filing: c.filing, status: c.status },
      after: { name: input.name, kind: input.kind, purpose: input.purpose, operator: input.operator, platformId: input.platformId, filing: input.filing, status: input.status, aliasesAdded: [...new Set(added)] },
    });
  });
  await refreshFlagsAfterChange("channel.update");
}
