import "server-only";
import { authorize, authorizePerson, type Actor } from "@/lib/auth/actor";
import { initialsOf } from "@/lib/channels/channel-keys";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { searchTerm } from "@/lib/validation/search-term";
import { reviewRoot } from "@/lib/review/jurisdiction";

/** `code`: a unit's code, for forms that send codes (the queue's filters, kept in bookmarked addresses). */
export type Choice = { id: number; label: string; detail: string | null; code?: string };
export const LOOKUP_KINDS = ["issuer", "target", "channel"] as const;
export type LookupKind = (typeof LOOKUP_KINDS)[number];

const LIMIT = 12;

/**
 * Names to pick in the mandate forms, found by name, code or pinyin initials: issuers anywhere in
 * the tree (a city department can require a village), targets inside the reviewer's subtree,
 * active channels. Each unit says what it hangs under, so two 县妇联 can be told apart.
 */
export async function lookupChoices(actor: Actor, kind: LookupKind, query: string): Promise<Choice[]> {
  const user = authorizePerson(actor, "mandate:manage");
  const q = searchTerm(query, 50);
  if (!q) return [];
  const db = await getDb();
  if (kind === "channel") {
    const latin = /^[a-z0-9]+$/i.test(q);
    const rows = await db.channel.findMany({
      where: {
        status: "active",
        OR: [
          { name: { contains: q, mode: "insensitive" } },
          ...(latin ? [{ initials: { startsWith: q.toLowerCase() } }] : []),
          { aliases: { some: { alias: { contains: q, mode: "insensitive" } } } },
        ],
      },
      select: { id: true, name: true, kind: true },
      orderBy: { name: "asc" },
      take: LIMIT,
    });
    return rows.map((c) => ({ id: c.id, label: c.name, detail: null }));
  }
  const root = kind === "target" ? reviewRoot(user) : "/";
  if (!root) return [];
  const inScope: Prisma.UnitWhereInput = root === "/" ? {} : { path: { startsWith: root } };
  // Units carry no stored initials: latin input is matched against the initials of a wider set of names.
  const latin = /^[a-z0-9]+$/i.test(q) && !/^\d+$/.test(q);
  const rows = await db.unit.findMany({
    where: {
      AND: [
        inScope,
        { retiredAt: null },
        latin ? {} : { OR: [{ name: { contains: q } }, { code: { startsWith: q } }] },
      ],
    },
    select: { id: true, name: true, code: true, parent: { select: { name: true } } },
    orderBy: { path: "asc" },
    take: latin ? 5000 : LIMIT,
  });
  const hits = latin ? rows.filter((u) => initialsOf(u.name).startsWith(q.toLowerCase())).slice(0, LIMIT) : rows;
  // Two units of one name under one parent (it happens after imports) are told apart by their codes.
  const seen = new Map<string, number>();
  for (const u of hits) seen.set(`${u.name}|${u.parent?.name}`, (seen.get(`${u.name}|${u.parent?.name}`) ?? 0) + 1);
  return hits.map((u) => {
    const twin = (seen.get(`${u.name}|${u.parent?.name}`) ?? 0) > 1;
    return {
      id: u.id,
      label: u.name,
      detail: twin ? [u.parent?.name, u.code].filter(Boolean).join(" · ") : (u.parent?.name ?? null),
      code: u.code,
    };
  });
}

/** A unit named by its code in an address, as a picker shows it (null when there is none). */
export async function unitChoiceByCode(actor: Actor, code: string | undefined): Promise<Choice | null> {
  authorize(actor, "review:view");
  if (!code) return null;
  const db = await getDb();
  const u = await db.unit.findUnique({
    where: { code },
    select: { id: true, name: true, code: true, parent: { select: { name: true } } },
  });
  return u ? { id: u.id, label: u.name, detail: u.parent?.name ?? null, code: u.code } : null;
}
