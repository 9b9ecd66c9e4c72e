/**
 * Control characters never belong in ledger text. A one-line field (a name, a code) refuses them
 * all; free text (a note, a CSV cell) may keep tab, line feed and carriage return. Neither takes
 * U+FFFD (what invalid UTF-8 decodes to: the sender's text was damaged, and saving it would keep
 * the damage) nor a lone surrogate (PostgreSQL cannot store one).
 */
const BROKEN = "\\uFFFD|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]";
export const ONE_LINE_CONTROL = new RegExp(`[\\u0000-\\u001f\\u007f]|${BROKEN}`);
export const FREE_TEXT_CONTROL = new RegExp(`[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f]|${BROKEN}`);
