import "server-only";
import { authorizePerson, type Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db/client";
import { beijingToday, formatDay } from "@/lib/dates/calendar-day";
import { explainFlag } from "@/lib/flags/explain-flag";
import { POLICY_RULES, type PolicyRule } from "@/lib/flags/policy-rules";
import type { Translate } from "@/lib/i18n/messages";
import { issuingOffice } from "./documents/issuing-office";
import { flagsInJurisdiction } from "./jurisdiction";

export type NoticeItem = { id: number; explanation: string; deadline: string; rules: PolicyRule[] };

/** A rectification notice (整改通知书) to one issuing department: what it must put right, by when, and under which rules. */
export type RectificationNotice = {
  issuer: { code: string; name: string; parent: string | null };
  /** Who issues the notice: the reviewer's jurisdiction (a county's clean-up office, say). */
  office: string;
  date: string;
  items: NoticeItem[];
  /** Every rule the items cite, once, in the order first cited. */
  rules: PolicyRule[];
};

const rulesOf = (evidence: unknown): PolicyRule[] => {
  const ids = (evidence as { rules?: unknown } | null)?.rules;
  return Array.isArray(ids)
    ? ids.flatMap((id) => (typeof id === "string" && POLICY_RULES[id] ? [POLICY_RULES[id]] : []))
    : [];
};

/**
 * The open findings assigned to `issuerCode` for rectification, inside the reviewer's subtree;
 * null when the department is unknown or has nothing outstanding there.
 */
export async function getRectificationNotice(
  actor: Actor,
  issuerCode: string,
  t: Translate,
  now = new Date(),
): Promise<RectificationNotice | null> {
  const user = authorizePerson(actor, "review:view");
  const db = await getDb();
  const issuer = await db.unit.findUnique({
    where: { code: issuerCode },
    select: { id: true, code: true, name: true, parent: { select: { name: true } } },
  });
  if (!issuer) return null;
  const [flags, office] = await Promise.all([
    db.flag.findMany({
      where: {
        AND: [flagsInJurisdiction(user), { assignedIssuerId: issuer.id, status: { in: ["open", "confirmed"] } }],
      },
      orderBy: [{ deadline: "asc" }, { id: "asc" }],
      select: { id: true, explanation: true, deadline: true, evidence: true },
      take: 5000,
    }),
    issuingOffice(db, user, t),
  ]);
  if (!flags.length) return null;
  const items = flags.map((f) => ({
    id: f.id,
    explanation: explainFlag(f.explanation, t),
    deadline: formatDay(f.deadline),
    rules: rulesOf(f.evidence),
  }));
  const rules = [...new Map(items.flatMap((i) => i.rules).map((r) => [r.id, r])).values()];
  return {
    issuer: { code: issuer.code, name: issuer.name, parent: issuer.parent?.name ?? null },
    office,
    date: beijingToday(now),
    items,
    rules,
  };
}
