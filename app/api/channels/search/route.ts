import { searchChannels } from "@/lib/channels/search-channels";
import { jsonRoute } from "@/lib/actions/json-route";

export const dynamic = "force-dynamic";

/** Typeahead for staff adding a channel: GET ?q=xxqg. Read-only; authorised inside searchChannels. */
export const GET = jsonRoute(async (request) => {
  const q = new URL(request.url).searchParams.get("q") ?? "";
  return { hits: await searchChannels(q) };
});
