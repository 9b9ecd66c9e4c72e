const TAB = 9;
const NEWLINE = 10;
const MINUS = 45;
const ZERO = 48;
const T = 116;

/**
 * Reads the fields of text lines (lib/db/read-lines.ts: tab-separated, NULL as an empty field,
 * one row per line) in place, field by field. A province is millions of lines: splitting them
 * into a string per line and per field cost more than PostgreSQL took to make them.
 */
export class LineReader {
  private p = 0;

  constructor(private readonly text: string) {}

  /** True once every line has been read. */
  get done(): boolean {
    return this.p >= this.text.length;
  }

  /** An integer field, or null when it is empty (NULL). */
  int(): number | null {
    const s = this.text;
    let p = this.p;
    let c = s.charCodeAt(p);
    if (c === TAB || c === NEWLINE || p >= s.length) {
      this.p = p + 1;
      return null;
    }
    const negative = c === MINUS;
    if (negative) c = s.charCodeAt(++p);
    let n = 0;
    while (c >= ZERO && c <= ZERO + 9) {
      n = n * 10 + (c - ZERO);
      c = s.charCodeAt(++p);
    }
    this.p = p + 1;
    return negative ? -n : n;
  }

  /** A boolean field as PostgreSQL writes it ("t" or "f"). */
  bool(): boolean {
    const t = this.text.charCodeAt(this.p) === T;
    this.word();
    return t;
  }

  /** A field as text ("" when empty). */
  word(): string {
    const start = this.p;
    return this.text.slice(start, this.pass());
  }

  /** Moves past a field and gives where it ended (it began at `position`), to read it in place. */
  pass(): number {
    const s = this.text;
    let p = this.p;
    for (let c = s.charCodeAt(p); p < s.length && c !== TAB && c !== NEWLINE; c = s.charCodeAt(++p));
    this.p = p + 1;
    return p;
  }

  /**
   * Moves to the next line unless the last field read ended this one: a reader that needs only
   * the first fields of a line still moves on.
   */
  endLine(lineStart: number): void {
    if (this.p > lineStart && this.text.charCodeAt(this.p - 1) === NEWLINE) return;
    const i = this.text.indexOf("\n", this.p);
    this.p = i < 0 ? this.text.length : i + 1;
  }

  /** Where the reader is (for endLine). */
  get position(): number {
    return this.p;
  }
}
