import type { Actor } from "@/lib/auth/actor";
import { requirePageActor } from "@/lib/auth/current-user";
import type { Translate } from "@/lib/i18n/messages";
import { getTranslator } from "@/lib/i18n/server";
import { searchTerm } from "@/lib/validation/search-term";

/** The unit or region code a document's address names ("" for none, or for one that cannot be a code). */
function documentCode(value: string | string[] | undefined): string {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw) return "";
  try {
    return searchTerm(raw, 64);
  } catch {
    return "";
  }
}

/**
 * What a document page starts from: the reviewer (or the sign-in page, coming back here), the code
 * its address names under `field`, the words, and the way back to the list of documents.
 */
export async function openDocument(
  searchParams: Promise<Record<string, string | string[] | undefined>>,
  field: "unit" | "region",
): Promise<{ actor: Actor; code: string; t: Translate; back: { href: string; label: string } }> {
  const code = documentCode((await searchParams)[field]);
  const actor = await requirePageActor(
    "review:view",
    `/review/documents/${field}?${field}=${encodeURIComponent(code)}`,
  );
  const t = await getTranslator();
  return { actor, code, t, back: { href: "/review/documents", label: t("doc.back") } };
}
