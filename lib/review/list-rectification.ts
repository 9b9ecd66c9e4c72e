import "server-only";
import { authorizePerson, type Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db/client";
import type { Translate } from "@/lib/i18n/messages";
import { explainFlag } from "@/lib/flags/explain-flag";
import { flagsInJurisdiction } from "./jurisdiction";

export type RectificationItem = { id: number; kind: string; explanation: string; deadline: string; overdue: boolean };
export type IssuerRectification = {
  issuer: { code: string; name: string };
  outstanding: RectificationItem[];
  overdue: number;
  resolved: number;
};

/** Flags assigned to issuers for rectification, by issuer: outstanding (soonest deadline first), overdue, done. */
export async function listRectification(actor: Actor, t: Translate, now = new Date()): Promise<IssuerRectification[]> {
  const user = authorizePerson(actor, "review:view");
  const db = await getDb();
  const flags = await db.flag.findMany({
    where: { AND: [flagsInJurisdiction(user), { assignedIssuerId: { not: null } }] },
    orderBy: [{ deadline: "asc" }, { id: "asc" }],
    select: { id: true, kind: true, status: true, explanation: true, deadline: true, assignedIssuerId: true },
    take: 5000,
  });
  const issuers = await db.unit.findMany({
    where: { id: { in: [...new Set(flags.map((f) => f.assignedIssuerId!))] } },
    select: { id: true, code: true, name: true },
  });
  const today = now.toISOString().slice(0, 10);
  const groups = new Map<number, IssuerRectification>(
    issuers.map((u) => [u.id, { issuer: { code: u.code, name: u.name }, outstanding: [], overdue: 0, resolved: 0 }]),
  );
  for (const f of flags) {
    const group = groups.get(f.assignedIssuerId!)!;
    if (f.status === "resolved") {
      group.resolved++;
      continue;
    }
    if (f.status === "dismissed") continue;
    const deadline = f.deadline?.toISOString().slice(0, 10) ?? "";
    const overdue = !!deadline && deadline < today;
    if (overdue) group.overdue++;
    group.outstanding.push({ id: f.id, kind: f.kind, explanation: explainFlag(f.explanation, t), deadline, overdue });
  }
  return [...groups.values()].sort(
    (a, b) =>
      b.overdue - a.overdue ||
      b.outstanding.length - a.outstanding.length ||
      a.issuer.code.localeCompare(b.issuer.code),
  );
}
