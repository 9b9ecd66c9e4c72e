import { publicResponse, REGION_COLUMNS } from "@/lib/public/public-response";

export const dynamic = "force-dynamic";

/** GET /api/v1/public/units/{code}: one region (a unit's subtree) with its children's figures. */
export async function GET(request: Request, { params }: { params: Promise<{ code: string }> }): Promise<Response> {
  const { code } = await params;
  const key = `unit:${code.slice(0, 64)}`;
  return publicResponse(request, key, (s) => {
    const unit = Object.hasOwn(s.regions, code) ? s.regions[code]! : null;
    if (!unit) return null;
    const children = unit.children.map((c) => s.regions[c]!);
    return {
      json: () => ({ updatedAt: s.updatedAt, threshold: s.threshold, unit, children }),
      csv: () => ({ columns: REGION_COLUMNS, rows: [unit, ...children] }),
    };
  });
}
