import { randomBytes } from "node:crypto";
import { assertSameOrigin } from "@/lib/actions/same-origin";
import { requireActor } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors";
import { writeCsv } from "@/lib/csv/write-csv";
import { downloadResponse } from "@/lib/exports/download-response";
import { describeChange, describeIssue } from "@/lib/imports/describe-import";
import { IMPORT_KINDS, type ImportKind } from "@/lib/imports/import-types";
import { importCsv, readImportFile } from "@/lib/imports/run-import";
import { getTranslator } from "@/lib/i18n/server";
import { readWithin } from "@/lib/security/read-within";
import { STATIC_SECURITY_HEADERS } from "@/lib/security/headers";

export const dynamic = "force-dynamic";
const MAX_BYTES = 64 * 1024 * 1024;

/**
 * POST a CSV file as the body: ?kind=units|channels|mandates|reports&dryRun=1. The answer streams
 * newline-delimited JSON: progress lines while it works, then the summary (issues in the reader's
 * language, the first 200 rows that would change). With &changes=csv a dry run answers instead with
 * every row that would change, as a CSV download.
 */
export async function POST(request: Request): Promise<Response> {
  const t = await getTranslator();
  let kind: ImportKind;
  let actor;
  try {
    await assertSameOrigin();
    actor = await requireActor("admin:manage");
    const params = new URL(request.url).searchParams;
    const k = params.get("kind");
    if (!(IMPORT_KINDS as readonly string[]).includes(k ?? ""))
      throw new AppError("invalid_input", { kind: ["invalid_choice"] });
    kind = k as ImportKind;
  } catch (error) {
    if (error instanceof AppError)
      return Response.json(
        { error: { code: error.code, message: t(`error.app.${error.code}`) } },
        { status: error.status, headers: STATIC_SECURITY_HEADERS },
      );
    throw error;
  }
  // Counted as it arrives: a chunked upload declares no length (finding 9 of issue 15).
  const bytes =
    Number(request.headers.get("content-length") ?? 0) > MAX_BYTES ? null : await readWithin(request, MAX_BYTES);
  if (bytes === null)
    return Response.json(
      { error: { code: "too_large", message: t("import.tooLarge") } },
      { status: 413, headers: STATIC_SECURITY_HEADERS },
    );
  const dryRun = new URL(request.url).searchParams.get("dryRun") === "1";
  // A file that cannot be read as a table is refused whole, before any progress is streamed.
  const file = await readImportFile(kind, bytes);
  if ("issues" in file) {
    const issues = file.issues.map((i) => ({ ...i, message: describeIssue(t, i) }));
    return Response.json(
      { error: { code: "invalid_input", message: issues[0]!.message, issues } },
      { status: 422, headers: STATIC_SECURITY_HEADERS },
    );
  }
  // Every row a dry run would change, as a download (the page lists the first 200).
  if (dryRun && new URL(request.url).searchParams.get("changes") === "csv") {
    const summary = await importCsv(actor, { kind, text: file, dryRun: true, changesLimit: Number.MAX_SAFE_INTEGER });
    const rows = summary.changes.flatMap((c) =>
      c.columns.map((col) => ({
        line: String(c.line),
        record: c.record,
        column: col.column,
        before: col.before,
        after: col.after,
      })),
    );
    const download = downloadResponse(
      writeCsv(["line", "record", "column", "before", "after"], rows),
      "csv",
      `${kind}-changes`,
    );
    for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) download.headers.set(name, value);
    return download;
  }
  const encoder = new TextEncoder();
  const stream = new ReadableStream({
    async start(controller) {
      const send = (line: object) => controller.enqueue(encoder.encode(JSON.stringify(line) + "\n"));
      try {
        const summary = await importCsv(actor, {
          kind,
          text: file,
          dryRun,
          progress: (stage, done, total) => send({ progress: { stage, done, total } }),
        });
        send({
          summary: {
            ...summary,
            issues: summary.issues.slice(0, 500).map((i) => ({ ...i, message: describeIssue(t, i) })),
            issueCount: summary.issues.length,
            changes: summary.changes.map((c) => ({ ...c, words: describeChange(t, c) })),
          },
        });
      } catch (error) {
        const ref = randomBytes(4).toString("hex");
        console.error(`[import ${ref}]`, error);
        send({ error: { code: "internal", message: t("error.generic.body", { ref }) } });
      }
      controller.close();
    },
  });
  // The proxy does not see this route (it would cut the body at 10 MB): its headers are set here.
  return new Response(stream, {
    headers: {
      "Content-Type": "application/x-ndjson; charset=utf-8",
      "Cache-Control": "no-store",
      ...STATIC_SECURITY_HEADERS,
    },
  });
}
