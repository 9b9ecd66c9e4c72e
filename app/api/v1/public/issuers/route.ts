import { ISSUER_COLUMNS, publicResponse, regionParam } from "@/lib/public/public-response";

export const dynamic = "force-dynamic";

/** GET /api/v1/public/issuers[?region=CODE]: issuing units ranked by the staff time their mandates impose (in that region). */
export async function GET(request: Request): Promise<Response> {
  const raw = new URL(request.url).searchParams.get("region") ?? "";
  return publicResponse(
    request,
    `issuers:${raw.slice(0, 64)}`,
    raw ? `issuers-${raw.slice(0, 64)}` : "issuers",
    async (s, stamp, detailOf) => {
      const region = regionParam(request, s);
      if (region === undefined) return null;
      const { issuers } = await detailOf(region);
      return {
        json: () => ({ ...stamp, region: region || null, issuers }),
        csv: () => ({ columns: ISSUER_COLUMNS, rows: issuers }),
      };
    },
  );
}
