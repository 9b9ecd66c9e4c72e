import { z } from "zod";
import { parseDay } from "@/lib/dates/calendar-day";

/*
 * Days from forms and filters, as zod fields over the one parser (lib/dates/calendar-day.ts).
 * Messages are form.error.* codes.
 */

const DAY_MS = 86_400_000;

function toDay(v: string | undefined, ctx: z.RefinementCtx, notFuture: boolean): Date | null {
  if (!v) return null;
  const d = parseDay(v);
  if (!d) {
    ctx.addIssue({ code: "custom", message: "invalid_date" });
    return null;
  }
  // A day ahead is allowed: the person's clock may be in a later time zone than the server's.
  if (notFuture && d.getTime() > Date.now() + DAY_MS) ctx.addIssue({ code: "custom", message: "future_date" });
  return d;
}

/** YYYY-MM-DD, or "" for none (null). */
export const dayOrNone = (options: { notFuture?: boolean } = {}) =>
  z
    .string()
    .trim()
    .transform((v, ctx) => toDay(v, ctx, options.notFuture ?? false));

/** YYYY-MM-DD, or "" or no field at all for none (null). */
export const optionalDay = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx) => toDay(v, ctx, false));

/** A deadline: a real day after today, kept as the text typed. */
export const futureDay = z
  .string()
  .trim()
  .superRefine((v, ctx) => {
    if (!parseDay(v)) ctx.addIssue({ code: "custom", message: v ? "invalid_date" : "required" });
    else if (v <= new Date().toISOString().slice(0, 10)) ctx.addIssue({ code: "custom", message: "deadline_past" });
  });
