import { publicResponse, REGION_COLUMNS } from "@/lib/public/public-response";

export const dynamic = "force-dynamic";

/** GET /api/v1/public/units/{code}: one region (a unit's subtree), its children's figures (most burdened first) and its clean-up trend. */
export async function GET(request: Request, { params }: { params: Promise<{ code: string }> }): Promise<Response> {
  const { code } = await params;
  return publicResponse(
    request,
    `unit:${code.slice(0, 64)}`,
    `region-${code.slice(0, 64)}`,
    async (s, stamp, detailOf) => {
      const unit = Object.hasOwn(s.regions, code) ? s.regions[code]! : null;
      if (!unit) return null;
      const children = unit.children.map((c) => s.regions[c]!);
      const { trend } = await detailOf(code);
      return {
        json: () => ({ ...stamp, unit, children, trend }),
        csv: () => ({ columns: REGION_COLUMNS, rows: [unit, ...children] }),
      };
    },
  );
}
