import "server-only";
import { authorizePerson, type Actor } from "@/lib/auth/actor";
import { caseKeyFilter } from "@/lib/flags/cases/case-key-filter";
import { readCases, type CaseListItem } from "@/lib/flags/cases/list-cases";
import { getDb } from "@/lib/db/client";
import { searchTerm } from "@/lib/validation/search-term";
import { reviewRoot } from "./jurisdiction";

export type CaseOwnerView = { id: number; name: string };
export type ReviewCase = CaseListItem & { owner: CaseOwnerView | null };
export const CASE_SHOWS = ["all", "mine", "unowned"] as const;
export type CaseShow = (typeof CASE_SHOWS)[number];

async function ownersOf(keys: string[]): Promise<Map<string, CaseOwnerView>> {
  if (!keys.length) return new Map();
  const db = await getDb();
  const rows = await db.caseOwner.findMany({
    where: { caseKey: { in: keys } },
    select: { caseKey: true, owner: { select: { id: true, name: true } } },
  });
  return new Map(rows.map((r) => [r.caseKey, r.owner]));
}

/** The open cases a reviewer answers for (findings seen in their subtree; the whole tree for an administrator), with who works each. */
export async function listReviewCases(actor: Actor, show: CaseShow = "all", query = ""): Promise<ReviewCase[]> {
  const user = authorizePerson(actor, "review:view");
  const root = reviewRoot(user);
  if (!root) return [];
  const cases = await readCases(root);
  const owners = await ownersOf(cases.map((c) => c.key));
  const q = searchTerm(query, 50).toLowerCase();
  // A case is found by what its title names: a channel, the department, the township.
  const named = (c: CaseListItem) =>
    !q || [...c.channels, c.issuer ?? "", c.township ?? ""].some((n) => n.toLowerCase().includes(q));
  const withOwners = cases.filter(named).map((c) => ({ ...c, owner: owners.get(c.key) ?? null }));
  if (show === "mine") return withOwners.filter((c) => c.owner?.id === user.id);
  if (show === "unowned") return withOwners.filter((c) => !c.owner);
  return withOwners;
}

/** One open case of the reviewer's subtree by its key, or null: only the findings its key can hold are read. */
export async function getReviewCase(actor: Actor, key: string): Promise<ReviewCase | null> {
  const user = authorizePerson(actor, "review:view");
  const root = reviewRoot(user);
  if (!root) return null;
  const found = (await readCases(root, caseKeyFilter(key))).find((c) => c.key === key);
  if (!found) return null;
  return { ...found, owner: (await ownersOf([key])).get(key) ?? null };
}
