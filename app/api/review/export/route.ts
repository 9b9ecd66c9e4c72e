import { requireActor } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors";
import { downloadResponse } from "@/lib/exports/download-response";
import { getTranslator } from "@/lib/i18n/server";
import { exportReview } from "@/lib/review/export-review";
import { queueFiltersSchema } from "@/lib/review/review-filters";

export const dynamic = "force-dynamic";

/** GET /api/review/export?what=queue|decisions&format=csv|json (+ the queue's filters): a download. */
export async function GET(request: Request): Promise<Response> {
  try {
    const actor = await requireActor("review:view");
    const params = new URL(request.url).searchParams;
    const what = params.get("what") ?? "queue";
    const format = params.get("format") ?? "csv";
    if ((what !== "queue" && what !== "decisions") || (format !== "csv" && format !== "json"))
      throw new AppError("not_found");
    const filters = queueFiltersSchema.parse(Object.fromEntries(params));
    return downloadResponse(
      await exportReview(actor, what, format, filters, await getTranslator()),
      format,
      `review-${what}`,
    );
  } catch (error) {
    if (error instanceof AppError) return Response.json({ error: { code: error.code } }, { status: error.status });
    throw error;
  }
}
