import { ONE_LINE_CONTROL } from "./clean-text";

/**
 * What a visitor typed into a search or filter box, as the database can take it: trimmed, at most
 * `max` characters, and no filter at all when it holds characters no stored value can hold
 * (control characters, broken text) — PostgreSQL would refuse the query rather than find nothing.
 */
export function searchTerm(value: unknown, max = 64): string {
  if (typeof value !== "string") return "";
  const term = value.trim().slice(0, max);
  return ONE_LINE_CONTROL.test(term) ? "" : term;
}
