import { parse } from "csv-parse/sync";

export type CsvRow = { line: number; cells: Record<string, string> };
export type CsvTable = { header: string[]; rows: CsvRow[] };
export class CsvFormatError extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`line ${line}: ${reason}`);
    this.name = "CsvFormatError";
  }
}

/**
 * RFC 4180 with a header row (line 1), a BOM accepted. Each row keeps the line it starts on, so
 * errors can name it even when a quoted cell spans lines. Unknown columns are kept; callers ignore them.
 */
export function parseCsv(text: string): CsvTable {
  let records: { record: string[]; info: { lines: number; empty_lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      // A file edited in two programs mixes Windows and Unix line ends: both end a row (the
      // auto-detected one alone read the other rows as one long cell).
      record_delimiter: ["\r\n", "\n"],
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as typeof records;
  } catch (error) {
    const e = error as { lines?: number; message?: string; code?: string };
    throw new CsvFormatError(e.lines ?? 0, (e.code ?? e.message ?? "malformed CSV").toString());
  }
  if (records.length === 0) throw new CsvFormatError(1, "the file is empty: a header row is required");
  const header = records[0]!.record.map((h) => h.trim().toLowerCase());
  const rows: CsvRow[] = [];
  let previousEnd = records[0]!.info.lines;
  let previousEmpty = records[0]!.info.empty_lines;
  for (const { record, info } of records.slice(1)) {
    const line = previousEnd + 1 + (info.empty_lines - previousEmpty);
    previousEnd = info.lines;
    previousEmpty = info.empty_lines;
    const cells: Record<string, string> = {};
    header.forEach((name, i) => {
      if (name && !(name in cells)) cells[name] = record[i] ?? "";
    });
    rows.push({ line, cells });
  }
  return { header, rows };
}
