/** A CSV or JSON download, never cached; CSV starts with a BOM so spreadsheet programs read the UTF-8 as such. */
export function downloadResponse(body: string, format: "csv" | "json", filename: string): Response {
  return new Response(format === "csv" ? `\uFEFF${body}` : body, {
    headers: {
      "Content-Type": format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}.${format}"`,
      "Cache-Control": "no-store",
    },
  });
}
