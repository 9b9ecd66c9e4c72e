import { publicResponse } from "@/lib/public/public-response";

export const dynamic = "force-dynamic";

/** GET /api/v1/public/issuers: issuing units ranked by the staff time their mandates impose. */
export async function GET(request: Request): Promise<Response> {
  return publicResponse(request, "issuers", (s) => ({
    json: () => ({ updatedAt: s.updatedAt, threshold: s.threshold, issuers: s.issuers }),
    csv: () => ({ columns: ["code", "name", "mandates", "unitsTargeted", "channels", "hoursPerWeek", "suppressed"], rows: s.issuers }),
  }));
}
