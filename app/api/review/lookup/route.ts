import { jsonRoute } from "@/lib/actions/json-route";
import { requireUser } from "@/lib/auth/current-user";
import { lookupColleagues } from "@/lib/review/case-owners";
import { LOOKUP_KINDS, lookupChoices, type LookupKind } from "@/lib/mandates/mandate-lookups";

export const dynamic = "force-dynamic";

/** Typeahead of the mandate forms: GET ?kind=issuer|target|channel|colleague&q=…; authorised inside lib. */
export const GET = jsonRoute(async (request) => {
  const params = new URL(request.url).searchParams;
  const kind = params.get("kind") ?? "";
  if (kind === "colleague") return { choices: await lookupColleagues(await requireUser("review:decide"), params.get("q") ?? "") };
  if (!(LOOKUP_KINDS as readonly string[]).includes(kind)) return { choices: [] };
  return { choices: await lookupChoices(kind as LookupKind, params.get("q") ?? "") };
});
