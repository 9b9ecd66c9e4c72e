import { jsonRoute } from "@/lib/actions/json-route";
import { requireActor } from "@/lib/auth/current-user";
import { lookupColleagues } from "@/lib/review/case-owners";
import { LOOKUP_KINDS, lookupChoices, type LookupKind } from "@/lib/mandates/mandate-lookups";

export const dynamic = "force-dynamic";

/** Typeahead of the pickers: GET ?kind=issuer|target|channel|colleague&q=…; each kind is authorised by its command. */
export const GET = jsonRoute(async (request) => {
  const actor = await requireActor("review:view");
  const params = new URL(request.url).searchParams;
  const kind = params.get("kind") ?? "";
  if (kind === "colleague") return { choices: await lookupColleagues(actor, params.get("q") ?? "") };
  if (!(LOOKUP_KINDS as readonly string[]).includes(kind)) return { choices: [] };
  return { choices: await lookupChoices(actor, kind as LookupKind, params.get("q") ?? "") };
});
