import { rawField, type ActionField } from "./send-action";

/*
 * Hostile inputs by the kind of field they are aimed at. Every entry here must be refused by the
 * field it is sent to; the markup and SQL that a text field may legitimately hold are in
 * STORABLE_TEXT, which must come back escaped instead.
 */
export type Corpus = Record<string, ActionField>;

const aFile = () => new Blob(["<svg onload=alert(1)>"], { type: "image/svg+xml" });

const broken: Corpus = {
  "NUL byte": "a\u0000b",
  "bell character": "a\u0007b",
  "terminal escape": "\u001b[31mred",
  "invalid UTF-8": rawField(Buffer.from([0x41, 0xff, 0xfe, 0x42])),
  "UTF-8 of a lone surrogate": rawField(Buffer.from([0x41, 0xed, 0xa0, 0x80])),
  "a file where text belongs": aFile(),
};

/** Free text of at most `max` characters. */
export const freeText = (max: number): Corpus => ({
  ...broken,
  [`${max + 1} characters`]: "字".repeat(max + 1),
  "1 MiB of text": "x".repeat(1 << 20),
});

/** One-line text (names, codes): line breaks refused as well. */
export const oneLine = (max: number): Corpus => ({ ...freeText(max), "line feed": "a\nb", "carriage return": "a\rb" });

/** `zeroAllowed`: 0 has a meaning of its own (as another setting), so below the range is below 0. */
export const wholeNumber = (min: number, max: number, zeroAllowed = false): Corpus => ({
  "below the range": String(zeroAllowed && min - 1 <= 0 ? -1 : min - 1),
  "above the range": String(max + 1),
  fraction: "1.5",
  "1e309 (infinity)": "1e309",
  NaN: "NaN",
  letters: "abc",
  "full-width digits": "１２",
  "SQL after a number": "1; DROP TABLE reports",
  "a file": aFile(),
});

/** A row id (or version) from a hidden field. */
export const recordId: Corpus = {
  zero: "0",
  negative: "-1",
  "beyond PostgreSQL integer": "2147483648",
  "20 digits": "99999999999999999999",
  fraction: "1.5",
  "SQL tautology": "1 OR 1=1",
  "script tag": "<script>alert(1)</script>",
  "a file": aFile(),
};

export const choice: Corpus = {
  "script tag": "<script>alert(1)</script>",
  "SQL quote": "' OR ''='",
  "a value of another list": "__proto__",
  "NUL byte": "a\u0000",
  "a file": aFile(),
};

export const pastDate: Corpus = {
  "30 February": "2026-02-30",
  "year zero": "0000-01-01",
  "far future": "9999-12-31",
  "no leading zeros": "2026-1-1",
  timestamp: "2026-01-01T00:00:00Z",
  "SQL comment": "2026-01-01' --",
  "a file": aFile(),
};

/** Text that may be stored as it is, and must then be shown as text, never run. */
export const STORABLE_TEXT = {
  markup: `<img src=x onerror="window.__hostile=1">"><script>window.__hostile=2</script>`,
  sql: `'); DROP TABLE reports; --`,
  formula: `=HYPERLINK("http://evil.example","点我")`,
};

/** Query strings and path segments for GET handlers and pages. */
export const QUERY_VALUES: Record<string, string> = {
  "NUL byte": "%00",
  "invalid UTF-8": "%FF%FEa",
  "broken percent escape": "%ZZ%",
  "script tag": encodeURIComponent("<script>alert(1)</script>"),
  "SQL tautology": encodeURIComponent("' OR 1=1 --"),
  "path traversal": encodeURIComponent("../../etc/passwd"),
  "4000 characters": "x".repeat(4000),
  "a number beyond 64 bits": "99999999999999999999",
  "array syntax": "a&q[]=1&q[]=2",
};
