import "server-only";
import { authorize, type Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db/client";
import type { FlagKind } from "@/lib/db/generated/client";
import type { Translate } from "@/lib/i18n/messages";
import { expandEvidence } from "@/lib/flags/expand-evidence";
import { explainFlag } from "@/lib/flags/explain-flag";

export type FlagListItem = {
  kind: FlagKind;
  severity: number;
  status: string;
  explanation: string;
  channels: string[];
  unit?: string;
  reporter?: string;
  resolvedReason?: string;
  evidence: unknown;
};

/** All flags in the interchange shape of the brief (channel names, unit code, reporter login), worst first. */
export async function listFlags(actor: Actor, t: Translate, filter: { kind?: FlagKind } = {}): Promise<FlagListItem[]> {
  authorize(actor, "admin:manage");
  const db = await getDb();
  const flags = await db.flag.findMany({
    where: filter.kind ? { kind: filter.kind } : {},
    // Ties by subject, not id: ids are given in an order of chance (save-findings.ts), the list must not depend on it.
    orderBy: [{ severity: "desc" }, { burden: "desc" }, { kind: "asc" }, { subjectKey: "asc" }],
    include: { unit: { select: { code: true } } },
  });
  const channelIds = [...new Set(flags.flatMap((f) => f.channelIds))];
  const reporterIds = [...new Set(flags.map((f) => f.reporterId).filter((id): id is number => id !== null))];
  const [channels, reporters, evidence] = await Promise.all([
    db.channel.findMany({ where: { id: { in: channelIds } }, select: { id: true, name: true } }),
    db.user.findMany({ where: { id: { in: reporterIds } }, select: { id: true, login: true } }),
    expandEvidence(
      db,
      flags.map((f) => f.evidence),
    ),
  ]);
  const channelName = new Map(channels.map((c) => [c.id, c.name]));
  const login = new Map(reporters.map((r) => [r.id, r.login]));
  return flags.map((f, i) => {
    return {
      kind: f.kind,
      severity: f.severity,
      status: f.status,
      explanation: explainFlag(f.explanation, t),
      channels: f.channelIds.map((id) => channelName.get(id) ?? `#${id}`),
      ...(f.unit ? { unit: f.unit.code } : {}),
      ...(f.reporterId ? { reporter: login.get(f.reporterId) } : {}),
      ...(f.resolvedReason ? { resolvedReason: f.resolvedReason } : {}),
      evidence: evidence[i],
    };
  });
}
