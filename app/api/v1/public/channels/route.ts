import { regionChannels } from "@/lib/public/public-channels";
import { publicResponse, regionParam } from "@/lib/public/public-response";

export const dynamic = "force-dynamic";
const STATUSES = ["active", "retired", "merged"] as const;

/** GET /api/v1/public/channels[?status=retired|merged|active][&region=CODE]: the catalogue entries the public may see. */
export async function GET(request: Request): Promise<Response> {
  const params = new URL(request.url).searchParams;
  const status = params.get("status");
  if (status !== null && !(STATUSES as readonly string[]).includes(status)) {
    return Response.json({ error: { code: "invalid_input", fields: { status: ["invalid_choice"] } } }, { status: 400 });
  }
  const raw = (params.get("region") ?? "").slice(0, 64);
  return publicResponse(
    request,
    `channels:${status ?? "all"}:${raw}`,
    ["channels", raw, status].filter(Boolean).join("-"),
    async (s, stamp, detailOf) => {
      const region = regionParam(request, s);
      if (region === undefined) return null;
      const all = region ? regionChannels(s.channels, (await detailOf(region)).channels) : s.channels;
      const channels = status ? all.filter((c) => c.status === status) : all;
      return {
        json: () => ({ ...stamp, region: region || null, channels }),
        csv: () => ({
          columns: region
            ? ["name", "kind", "status", "unitsRequired", "mergedInto", "changedOn"]
            : ["name", "kind", "status", "mergedInto", "changedOn"],
          rows: channels,
        }),
      };
    },
  );
}
