import { jsonRoute } from "@/lib/actions/json-route";
import { LOOKUP_KINDS, lookupChoices, type LookupKind } from "@/lib/mandates/mandate-lookups";

export const dynamic = "force-dynamic";

/** Typeahead of the mandate forms: GET ?kind=issuer|target|channel&q=…; authorised inside lookupChoices. */
export const GET = jsonRoute(async (request) => {
  const params = new URL(request.url).searchParams;
  const kind = params.get("kind") ?? "";
  if (!(LOOKUP_KINDS as readonly string[]).includes(kind)) return { choices: [] };
  return { choices: await lookupChoices(kind as LookupKind, params.get("q") ?? "") };
});
