import { importRows } from "@/lib/audit/list-audit";
import { requireActor } from "@/lib/auth/current-user";
import { writeCsv } from "@/lib/csv/write-csv";
import { AppError } from "@/lib/errors";
import { downloadResponse } from "@/lib/exports/download-response";

export const dynamic = "force-dynamic";

/** GET /api/admin/audit/ID: the rows one import changed (its audit entries), as CSV: what changed, before and after. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const actor = await requireActor("admin:manage");
    const rows = await importRows(actor, (await params).id);
    if (!rows) throw new AppError("not_found");
    const json = (v: unknown) => (v === null || v === undefined ? "" : JSON.stringify(v));
    const csv = writeCsv(
      ["action", "entity", "entity_id", "before", "after"],
      rows.map((r) => ({
        action: r.action,
        entity: r.entity,
        entity_id: r.entityId ?? "",
        before: json(r.before),
        after: json(r.after),
      })),
    );
    return downloadResponse(csv, "csv", `import-${(await params).id}`);
  } catch (error) {
    if (error instanceof AppError) return Response.json({ error: { code: error.code } }, { status: error.status });
    throw error;
  }
}
