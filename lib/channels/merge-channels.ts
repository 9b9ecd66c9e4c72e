import "server-only";
import { writeAudit } from "@/lib/audit/write-audit";
import { learnFromMerge } from "./known-products-store";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { initialsOf, normalizeName } from "./channel-keys";

type Tx = Prisma.TransactionClient;
const day = (d: Date | null) => d?.toISOString().slice(0, 10) ?? null;

export type MergeSummary = {
  winner: string;
  loser: string;
  aliasesAdded: string[];
  mandatesMoved: number;
  reportsMoved: number;
  reportsFolded: number;
};

/**
 * Merges one catalogue entry into another: the loser's name and aliases become aliases of the
 * winner, its mandates and reports move to the winner, and it stays as a merged entry pointing at
 * the winner. A reporter who reported both keeps one report (the winner's, folded with the other:
 * earliest install, latest use, the larger counts); the folded report is kept whole in the audit
 * entry, which records the merge so it can be explained later.
 */
export async function mergeChannels(
  tx: Tx,
  input: { winnerId: number; loserId: number; actorId: number | null },
): Promise<MergeSummary> {
  if (input.winnerId === input.loserId) throw new AppError("invalid_input", { winnerId: ["merge_into_itself"] });
  const [winner, loser] = await Promise.all([
    tx.channel.findUnique({ where: { id: input.winnerId }, include: { aliases: true } }),
    tx.channel.findUnique({ where: { id: input.loserId }, include: { aliases: true } }),
  ]);
  if (!winner || !loser) throw new AppError("not_found");
  if (winner.status !== "active") throw new AppError("invalid_input", { winnerId: ["merge_into_inactive"] });
  if (loser.status !== "active") throw new AppError("conflict", { loserId: ["already_merged"] });

  const known = new Set([winner.name, ...winner.aliases.map((a) => a.alias)]);
  const aliasesAdded = [loser.name, ...loser.aliases.map((a) => a.alias)].filter((a) => !known.has(a) && known.add(a));
  await tx.channelAlias.createMany({
    data: aliasesAdded.map((alias) => ({
      channelId: winner.id,
      alias,
      normalizedName: normalizeName(alias),
      initials: initialsOf(alias),
    })),
  });

  await learnFromMerge(tx, winner.name, [loser.name, ...loser.aliases.map((a) => a.alias)]);
  const mandatesMoved = (
    await tx.mandate.updateMany({ where: { channelId: loser.id }, data: { channelId: winner.id } })
  ).count;

  const loserReports = await tx.report.findMany({ where: { channelId: loser.id }, include: { mandates: true } });
  const winnerReports = new Map(
    (
      await tx.report.findMany({
        where: { channelId: winner.id, reporterId: { in: loserReports.map((r) => r.reporterId) } },
      })
    ).map((r) => [r.reporterId, r]),
  );
  const folded: unknown[] = [];
  for (const r of loserReports) {
    const keep = winnerReports.get(r.reporterId);
    if (!keep) {
      await tx.report.update({
        where: { id_provinceId: { id: r.id, provinceId: r.provinceId } },
        data: { channelId: winner.id, version: { increment: 1 } },
      });
      continue;
    }
    const earliest =
      [keep.installedOn, r.installedOn].filter((d): d is Date => !!d).sort((a, b) => a.getTime() - b.getTime())[0] ??
      null;
    const latest =
      [keep.lastUsedOn, r.lastUsedOn].filter((d): d is Date => !!d).sort((a, b) => b.getTime() - a.getTime())[0] ??
      null;
    await tx.report.update({
      where: { id_provinceId: { id: keep.id, provinceId: keep.provinceId } },
      data: {
        accounts: Math.max(keep.accounts, r.accounts),
        minutesPerWeek: Math.max(keep.minutesPerWeek, r.minutesPerWeek),
        installedOn: earliest,
        lastUsedOn: latest,
        onlyForFigures: keep.onlyForFigures && r.onlyForFigures,
        anonymous: keep.anonymous || r.anonymous,
        actions: [...new Set([...keep.actions, ...r.actions])],
        version: { increment: 1 },
      },
    });
    await tx.reportMandate.createMany({
      data: r.mandates.map((m) => ({ reportId: keep.id, mandateId: m.mandateId, provinceId: keep.provinceId })),
      skipDuplicates: true,
    });
    await tx.reportMandate.deleteMany({ where: { reportId: r.id } });
    await tx.reportHistory.deleteMany({ where: { reportId: r.id } });
    await tx.report.delete({ where: { id_provinceId: { id: r.id, provinceId: r.provinceId } } });
    folded.push({
      id: r.id,
      into: keep.id,
      reporterId: r.anonymous ? null : r.reporterId,
      accounts: r.accounts,
      minutesPerWeek: r.minutesPerWeek,
      installedOn: day(r.installedOn),
      lastUsedOn: day(r.lastUsedOn),
      onlyForFigures: r.onlyForFigures,
      actions: r.actions,
    });
  }
  await tx.channel.update({
    where: { id: loser.id },
    data: { status: "merged", mergedIntoId: winner.id, version: { increment: 1 } },
  });
  const summary: MergeSummary = {
    winner: winner.name,
    loser: loser.name,
    aliasesAdded,
    mandatesMoved,
    reportsMoved: loserReports.length - folded.length,
    reportsFolded: folded.length,
  };
  await writeAudit(tx, {
    actorId: input.actorId,
    action: "channel.merge",
    entity: "channel",
    entityId: loser.id,
    before: { status: loser.status, foldedReports: folded },
    after: { ...summary, mergedIntoId: winner.id },
  });
  return summary;
}
