import { FIGURE_COLUMNS, publicResponse } from "@/lib/public/public-response";

export const dynamic = "force-dynamic";

/** GET /api/v1/public/summary: the whole registry, with twelve months of clean-up (see /api/v1/openapi.json). */
export async function GET(request: Request): Promise<Response> {
  return publicResponse(request, "summary", "summary", async (s, stamp, detailOf) => {
    const { trend } = await detailOf("");
    return {
      json: () => ({ ...stamp, ...s.summary, trend }),
      csv: () => ({
        columns: [...FIGURE_COLUMNS, "releasedAt", "nextReleaseAt"],
        rows: [{ ...s.summary, ...stamp }],
      }),
    };
  });
}
