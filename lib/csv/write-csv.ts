import { stringify } from "csv-stringify/sync";

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell a spreadsheet would run as a formula gets a leading apostrophe (OWASP's advice for
 * CSV injection); `restoreCell` undoes it on import, so exports still round-trip.
 */
export function neutralizeCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function restoreCell(value: string): string {
  return value.length > 1 && value[0] === "'" && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

export function writeCsv(columns: readonly string[], rows: readonly Record<string, string>[]): string {
  return stringify(
    rows.map((row) => columns.map((c) => neutralizeCell(row[c] ?? ""))),
    { header: true, columns: [...columns], record_delimiter: "\n", quoted_match: /^\s|\s$/ },
  );
}
