import "server-only";
import { requireUser } from "@/lib/auth/current-user";
import { readCases, type CaseListItem } from "@/lib/flags/cases/list-cases";
import { reviewRoot } from "./jurisdiction";

/** The open cases a reviewer answers for: findings seen in their subtree (the whole tree for an administrator). */
export async function listReviewCases(): Promise<CaseListItem[]> {
  const user = await requireUser("review:view");
  const root = reviewRoot(user);
  return root ? readCases(root) : [];
}

/** One open case of the reviewer's subtree by its key, or null. */
export async function getReviewCase(key: string): Promise<CaseListItem | null> {
  return (await listReviewCases()).find((c) => c.key === key) ?? null;
}
