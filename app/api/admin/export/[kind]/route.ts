import { requireActor } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors";
import { downloadResponse } from "@/lib/exports/download-response";
import { exportLedger } from "@/lib/exports/export-ledger";
import { IMPORT_KINDS, type ImportKind } from "@/lib/imports/import-types";

export const dynamic = "force-dynamic";

/** GET /api/admin/export/units?format=csv|json: the ledger in the brief's formats, as a download. */
export async function GET(request: Request, { params }: { params: Promise<{ kind: string }> }): Promise<Response> {
  try {
    const actor = await requireActor("admin:manage");
    const { kind } = await params;
    const format = new URL(request.url).searchParams.get("format") ?? "csv";
    if (!(IMPORT_KINDS as readonly string[]).includes(kind) || (format !== "csv" && format !== "json"))
      throw new AppError("not_found");
    return downloadResponse(await exportLedger(actor, kind as ImportKind, format), format, kind);
  } catch (error) {
    if (error instanceof AppError) return Response.json({ error: { code: error.code } }, { status: error.status });
    throw error;
  }
}
