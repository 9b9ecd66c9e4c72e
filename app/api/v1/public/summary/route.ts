import { publicResponse } from "@/lib/public/public-response";

export const dynamic = "force-dynamic";

/** GET /api/v1/public/summary: the whole registry (see /api/v1/openapi.json). */
export async function GET(request: Request): Promise<Response> {
  return publicResponse(request, "summary", (s) => ({
    json: () => ({ updatedAt: s.updatedAt, threshold: s.threshold, ...s.summary, trend: s.trend }),
    csv: () => ({
      columns: ["channels", "unitsCovered", "mandates", "reporters", "hoursPerWeek", "duplicatesFound", "zombiesFound", "cleanedUp", "suppressed", "updatedAt"],
      rows: [{ ...s.summary, updatedAt: s.updatedAt }],
    }),
  }));
}
