export type DownloadFormat = "csv" | "json" | "xlsx";

const CONTENT_TYPES: Record<DownloadFormat, string> = {
  csv: "text/csv; charset=utf-8",
  json: "application/json; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** A download, never cached; CSV starts with a BOM so spreadsheet programs read the UTF-8 as such. */
export function downloadResponse(body: string | Buffer, format: DownloadFormat, filename: string): Response {
  const content = typeof body === "string" ? (format === "csv" ? `\uFEFF${body}` : body) : new Uint8Array(body);
  return new Response(content, {
    headers: {
      "Content-Type": CONTENT_TYPES[format],
      "Content-Disposition": `attachment; filename="${filename}.${format}"`,
      "Cache-Control": "no-store",
    },
  });
}
