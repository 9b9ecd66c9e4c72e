import { z } from "zod";

/**
 * Control characters never belong in ledger text. A one-line field (a name, a code) refuses them
 * all; free text (a note, a CSV cell) may keep tab, line feed and carriage return. Neither takes
 * U+FFFD (what invalid UTF-8 decodes to: the sender's text was damaged, and saving it would keep
 * the damage) nor a lone surrogate (PostgreSQL cannot store one).
 */
const BROKEN = "\\uFFFD|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]";
export const ONE_LINE_CONTROL = new RegExp(`[\\u0000-\\u001f\\u007f]|${BROKEN}`);
export const FREE_TEXT_CONTROL = new RegExp(`[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f]|${BROKEN}`);

/*
 * The one rule for text from a person, as zod fields: trimmed, bounded, and clean. Messages are
 * codes (form.error.* / import.issue.*) that the server puts in the reader's words.
 */
const nonEmpty = (v: string) => v.length > 0;

/** Trimmed text of at most `max` characters, refused when it holds what `control` matches. */
const cleanText = (control: RegExp) => (max: number) =>
  z
    .string()
    .trim()
    .max(max, "too_long")
    .refine((v) => !control.test(v), "control_chars");

/** A name, a code, a search: one line, at most `max` characters. */
export const oneLine = cleanText(ONE_LINE_CONTROL);

/** A one-line field that must be filled in. */
export const requiredLine = (max: number) => oneLine(max).refine(nonEmpty, "required");

/** A note, a reason, a CSV cell: may keep tabs and line breaks. */
export const freeText = cleanText(FREE_TEXT_CONTROL);

/** Free text that must be filled in. */
export const requiredText = (max: number) => freeText(max).refine(nonEmpty, "required");
