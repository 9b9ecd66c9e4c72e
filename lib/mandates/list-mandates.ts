import "server-only";
import { authorizePerson, type Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { searchTerm } from "@/lib/validation/search-term";
import { notFound } from "@/lib/review/jurisdiction";
import { getThresholds } from "@/lib/settings/thresholds";
import { beijingTime } from "@/lib/public/release-schedule";
import { mandatesInJurisdiction } from "./manage-mandates";

export const PAGE_SIZE = 50;
export const MANDATE_VIEWS = ["active", "pending", "reported", "ended", "all"] as const;
export type MandateView = (typeof MANDATE_VIEWS)[number];

export type MandateListRow = {
  id: number;
  version: number;
  channel: { id: number; name: string };
  issuer: { id: number; name: string; parentName: string | null };
  target: { id: number; name: string; parentName: string | null };
  appliesToSubtree: boolean;
  actions: string[];
  assessmentLinked: boolean;
  ranking: boolean;
  quota: number | null;
  document: string | null;
  since: string | null;
  until: string | null;
  source: string;
  review: string | null;
  /** Distinct staff who reported it; null when fewer than the publication threshold (then `fewerThan`). */
  reporters: number | null;
  fewerThan: number;
  status: string;
  endedOn: string | null;
  endedReason: string | null;
  /** A reviewer's judgement of a staff-reported mandate: what, why, who and when (Beijing time). */
  judged?: { decision: "confirm" | "reject"; reason: string | null; by: string | null; at: string } | null;
};

const day = (d: Date | null) => d?.toISOString().slice(0, 10) ?? null;

const VIEW_WHERE: Record<MandateView, Prisma.MandateWhereInput> = {
  // In force and settled: imported, declared or confirmed (staff reports waiting for a reviewer have their own view).
  active: { status: "active", OR: [{ review: null }, { review: "confirmed" }] },
  pending: { status: "active", source: "reported", review: "pending" },
  reported: { source: "reported" },
  ended: { status: { in: ["ended", "revoked"] } },
  all: {},
};

const SELECT = {
  id: true,
  version: true,
  appliesToSubtree: true,
  actions: true,
  assessmentLinked: true,
  ranking: true,
  quota: true,
  document: true,
  since: true,
  until: true,
  source: true,
  review: true,
  reporters: true,
  status: true,
  endedOn: true,
  endedReason: true,
  channel: { select: { id: true, name: true } },
  issuer: { select: { id: true, name: true, parent: { select: { name: true } } } },
  target: { select: { id: true, name: true, parent: { select: { name: true } } } },
} satisfies Prisma.MandateSelect;

function toRow(m: Prisma.MandateGetPayload<{ select: typeof SELECT }>, k: number): MandateListRow {
  return {
    ...m,
    // A count below the publication threshold next to a village's name would point at its people.
    reporters: m.reporters >= k ? m.reporters : null,
    fewerThan: k,
    issuer: { id: m.issuer.id, name: m.issuer.name, parentName: m.issuer.parent?.name ?? null },
    target: { id: m.target.id, name: m.target.name, parentName: m.target.parent?.name ?? null },
    since: day(m.since),
    until: day(m.until),
    endedOn: day(m.endedOn),
  };
}

/** The mandates of the reviewer's subtree, a page at a time, newest first; searched by channel, issuer or unit name. */
export async function listMandates(
  actor: Actor,
  filters: { view: MandateView; q?: string; page: number },
): Promise<{ rows: MandateListRow[]; total: number; pending: number }> {
  const user = authorizePerson(actor, "mandate:manage");
  const db = await getDb();
  const q = searchTerm(filters.q);
  const where: Prisma.MandateWhereInput = {
    AND: [
      mandatesInJurisdiction(user),
      VIEW_WHERE[filters.view],
      q
        ? {
            OR: [
              { channel: { name: { contains: q, mode: "insensitive" } } },
              { issuer: { name: { contains: q } } },
              { target: { name: { contains: q } } },
            ],
          }
        : {},
    ],
  };
  const [rows, total, pending, { values }] = await Promise.all([
    db.mandate.findMany({
      where,
      select: SELECT,
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      skip: (filters.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
    }),
    db.mandate.count({ where }),
    db.mandate.count({ where: { AND: [mandatesInJurisdiction(user), VIEW_WHERE.pending] } }),
    getThresholds(),
  ]);
  return { rows: rows.map((r) => toRow(r, values.publicMinReporters)), total, pending };
}

/** One mandate of the reviewer's subtree; anything else is "not found". */
export async function getMandate(actor: Actor, id: number): Promise<MandateListRow> {
  const user = authorizePerson(actor, "mandate:manage");
  const db = await getDb();
  const [m, { values }] = await Promise.all([
    db.mandate.findFirst({ where: { AND: [{ id }, mandatesInJurisdiction(user)] }, select: SELECT }),
    getThresholds(),
  ]);
  if (!m) notFound();
  const entry = await db.auditLog.findFirst({
    where: { entity: "mandate", entityId: String(id), action: { in: ["mandate.confirm", "mandate.reject"] } },
    orderBy: { id: "desc" },
  });
  const by = entry?.actorId ? await db.user.findUnique({ where: { id: entry.actorId }, select: { name: true } }) : null;
  const judged = entry
    ? {
        decision: entry.action === "mandate.confirm" ? ("confirm" as const) : ("reject" as const),
        reason: ((entry.after ?? {}) as { reason?: string | null }).reason ?? null,
        by: by?.name ?? null,
        at: beijingTime(entry.at),
      }
    : null;
  return { ...toRow(m, values.publicMinReporters), judged };
}
