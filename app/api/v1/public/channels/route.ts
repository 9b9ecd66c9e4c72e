import { publicResponse } from "@/lib/public/public-response";

export const dynamic = "force-dynamic";
const STATUSES = ["active", "retired", "merged"] as const;

/** GET /api/v1/public/channels?status=retired|merged|active: the catalogue entries the public may see. */
export async function GET(request: Request): Promise<Response> {
  const status = new URL(request.url).searchParams.get("status");
  if (status !== null && !(STATUSES as readonly string[]).includes(status)) {
    return Response.json({ error: { code: "invalid_input", fields: { status: ["invalid_choice"] } } }, { status: 400 });
  }
  return publicResponse(request, `channels:${status ?? "all"}`, (s) => {
    const channels = status ? s.channels.filter((c) => c.status === status) : s.channels;
    return {
      json: () => ({ updatedAt: s.updatedAt, channels }),
      csv: () => ({ columns: ["name", "kind", "status", "mergedInto", "changedOn"], rows: channels }),
    };
  });
}
