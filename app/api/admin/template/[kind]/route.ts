import { requireActor } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors";
import { downloadResponse } from "@/lib/exports/download-response";
import { importTemplate } from "@/lib/exports/import-template";
import { IMPORT_KINDS, type ImportKind } from "@/lib/imports/import-types";
import { getTranslator } from "@/lib/i18n/server";

export const dynamic = "force-dynamic";

/** GET /api/admin/template/units: an .xlsx template for one import format, with a guide sheet in the reader's language. */
export async function GET(_request: Request, { params }: { params: Promise<{ kind: string }> }): Promise<Response> {
  try {
    const actor = await requireActor("admin:manage");
    const { kind } = await params;
    if (!(IMPORT_KINDS as readonly string[]).includes(kind)) throw new AppError("not_found");
    const t = await getTranslator();
    return downloadResponse(await importTemplate(actor, kind as ImportKind, t), "xlsx", `${kind}-template`);
  } catch (error) {
    if (error instanceof AppError) return Response.json({ error: { code: error.code } }, { status: error.status });
    throw error;
  }
}
