import { z } from "zod";

/** Rows of a long list on the public page (a region's departments, its retired channels) shown at once. */
export const PUBLIC_PAGE_ROWS = 50;

const pageNumber = z.coerce.number().int().min(1).catch(1);

/** The page of a list asked for in the address (1 when absent or not a page number; the last when past it). */
export function publicPageOf(param: unknown, rows: number): { page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(rows / PUBLIC_PAGE_ROWS));
  return { page: Math.min(pageNumber.parse(typeof param === "string" ? param : undefined), pages), pages };
}
