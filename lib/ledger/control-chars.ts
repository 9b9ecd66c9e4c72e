/**
 * Control characters never belong in ledger text. A one-line field (a name, a code) refuses them
 * all; free text (a note, a CSV cell) may keep tab, line feed and carriage return.
 */
export const ONE_LINE_CONTROL = /[\u0000-\u001f\u007f]/;
export const FREE_TEXT_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
