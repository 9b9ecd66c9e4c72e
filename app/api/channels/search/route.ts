import { searchChannels } from "@/lib/channels/search-channels";
import { jsonRoute } from "@/lib/actions/json-route";
import { requireActor } from "@/lib/auth/current-user";

export const dynamic = "force-dynamic";

/** Typeahead for staff adding a channel: GET ?q=xxqg. Read-only. */
export const GET = jsonRoute(async (request) => {
  const actor = await requireActor("report:write");
  const q = new URL(request.url).searchParams.get("q") ?? "";
  return { hits: await searchChannels(actor, q) };
});
