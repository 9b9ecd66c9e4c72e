import { requireActor } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors";
import { downloadResponse } from "@/lib/exports/download-response";
import { EXPORT_FORMATS, exportLedger, type ExportFormat } from "@/lib/exports/export-ledger";
import { getTranslator } from "@/lib/i18n/server";
import { IMPORT_KINDS, type ImportKind } from "@/lib/imports/import-types";

export const dynamic = "force-dynamic";

/** GET /api/admin/export/units?format=csv|json|xlsx: the ledger in the brief's formats, as a download. */
export async function GET(request: Request, { params }: { params: Promise<{ kind: string }> }): Promise<Response> {
  try {
    const actor = await requireActor("admin:manage");
    const { kind } = await params;
    const format = new URL(request.url).searchParams.get("format") ?? "csv";
    if (!(IMPORT_KINDS as readonly string[]).includes(kind) || !(EXPORT_FORMATS as readonly string[]).includes(format))
      throw new AppError("not_found");
    const body = await exportLedger(actor, kind as ImportKind, format as ExportFormat, await getTranslator());
    return downloadResponse(body, format as ExportFormat, kind);
  } catch (error) {
    if (error instanceof AppError) return Response.json({ error: { code: error.code } }, { status: error.status });
    throw error;
  }
}
