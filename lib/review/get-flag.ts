import "server-only";
import { authorizePerson, type Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db/client";
import type { MessageKey, Translate } from "@/lib/i18n/messages";
import { getThresholds } from "@/lib/settings/thresholds";
import { expandEvidence } from "@/lib/flags/expand-evidence";
import { explainFlag } from "@/lib/flags/explain-flag";
import { flagsInJurisdiction, notFound } from "./jurisdiction";
import { redactForReviewer } from "./reviewer-privacy";

export type FlagDetail = Awaited<ReturnType<typeof getFlagForReview>>;

/** One flag as a reviewer sees it, or not found when it lies outside their subtree. */
export async function getFlagForReview(actor: Actor, flagId: number, t: Translate) {
  const user = authorizePerson(actor, "review:view");
  const db = await getDb();
  const flag = await db.flag.findFirst({
    where: { AND: [{ id: flagId }, flagsInJurisdiction(user)] },
    include: {
      unit: { select: { code: true, name: true } },
      scopeUnit: { select: { code: true, name: true } },
      decisions: { orderBy: { id: "asc" }, include: { reviewer: { select: { name: true, login: true } } } },
    },
  });
  if (!flag) notFound();
  const [channels, issuers, assigned, { values }, [evidence]] = await Promise.all([
    db.channel.findMany({
      where: { id: { in: flag.channelIds } },
      select: {
        id: true,
        name: true,
        kind: true,
        status: true,
        mergedIntoId: true,
        aliases: { select: { alias: true } },
        _count: { select: { mandates: true, reports: true } },
      },
    }),
    db.unit.findMany({
      where: { id: { in: flag.issuerIds } },
      select: { id: true, code: true, name: true, parent: { select: { name: true } } },
      orderBy: { code: "asc" },
    }),
    flag.assignedIssuerId
      ? db.unit.findUnique({ where: { id: flag.assignedIssuerId }, select: { code: true, name: true } })
      : null,
    getThresholds(),
    expandEvidence(db, [flag.evidence]),
  ]);
  const privacy = await redactForReviewer({ reporterId: flag.reporterId, evidence }, values.publicMinReporters);
  const byId = new Map(channels.map((c) => [c.id, c]));
  return {
    id: flag.id,
    kind: flag.kind,
    severity: flag.severity,
    status: flag.status,
    version: flag.version,
    explanation: explainFlag(flag.explanation, t),
    unit: flag.unit ?? flag.scopeUnit,
    channels: flag.channelIds
      .map((id) => byId.get(id))
      .filter((c) => !!c)
      .map((c) => ({
        id: c.id,
        name: c.name,
        kind: c.kind,
        status: c.status,
        aliases: c.aliases.map((a) => a.alias),
        mandates: c._count.mandates,
        reports: c._count.reports,
      })),
    issuers: issuers.map((u) => ({ id: u.id, code: u.code, name: u.name, parent: u.parent?.name ?? null })),
    assignedIssuer: assigned,
    deadline: flag.deadline?.toISOString().slice(0, 10) ?? null,
    hoursPerWeek: Math.round(flag.burden / 6) / 10,
    firstSeenAt: flag.firstSeenAt.toISOString(),
    computedAt: flag.computedAt.toISOString(),
    resolvedReason: flag.resolvedReason,
    reporter: privacy.reporter,
    reporterHidden: privacy.reporterHidden,
    evidence: privacy.evidence,
    history: await Promise.all(
      flag.decisions.map(async (d) => ({
        id: d.id,
        decision: d.decision,
        reason: d.reason,
        detail: await decisionInWords(db, t, d.decision, d.detail),
        at: d.createdAt.toISOString(),
        by: d.reviewer.name || d.reviewer.login,
      })),
    ),
  };
}

/** What a decision added, as a sentence: the recommended action, the department and deadline, the channels merged. */
async function decisionInWords(
  db: Awaited<ReturnType<typeof getDb>>,
  t: Translate,
  decision: string,
  detail: unknown,
): Promise<string | null> {
  const d = (detail ?? {}) as Record<string, unknown>;
  const parts: string[] = [];
  if (decision === "recommend" && typeof d.action === "string")
    parts.push(t("review.history.recommend", { action: t(`review.recommend.${d.action}` as MessageKey) }));
  if (decision === "assign" && typeof d.issuer === "string") {
    const unit = await db.unit.findUnique({ where: { code: d.issuer }, select: { name: true } });
    parts.push(t("review.history.assign", { issuer: unit?.name ?? d.issuer, deadline: String(d.deadline ?? "") }));
  }
  if (decision === "merge" && typeof d.winner === "string")
    parts.push(t("review.merge.done", { winner: d.winner, loser: String(d.loser ?? "") }));
  if (d.bulk === true) parts.push(t("review.history.bulk"));
  return parts.length ? parts.join(" ") : null;
}
