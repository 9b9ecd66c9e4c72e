import { z } from "zod";
import { FREE_TEXT_CONTROL, freeText } from "@/lib/validation/clean-text";
import { parseBoolean, splitList } from "@/lib/csv/cell-values";
import { parseDay } from "@/lib/dates/calendar-day";
import { restoreCell } from "@/lib/csv/write-csv";

/*
 * Field schemas for CSV cells. Each error message is an issue code (import-types.ts); the words
 * come from the dictionaries, so the same check speaks Chinese in the app and English in the CLI.
 */

/** A cell as text: its formula guard removed (see write-csv.ts), then the one rule for free text. */
export const text = (max: number) =>
  z
    .string()
    .transform((v) => restoreCell(v))
    .pipe(freeText(max));

export const requiredText = (max: number) => text(max).refine((v) => v.length > 0, "required");

export const optionalText = (max: number) => text(max).transform((v) => (v === "" ? null : v));

export const code = () => requiredText(64).refine((v) => /^[\p{L}\p{N}_.\-]+$/u.test(v), "invalid_code");

export const choice = <T extends string>(values: readonly T[]) =>
  z
    .string()
    .transform((v) => v.trim().toLowerCase())
    .refine((v): v is T => (values as readonly string[]).includes(v), "invalid_choice")
    .transform((v) => v as T);

export const boolean = () =>
  z.string().transform((v, ctx) => {
    const b = parseBoolean(v);
    if (b === null) ctx.addIssue({ code: "custom", message: "invalid_boolean" });
    return b ?? false;
  });

/** A yes/no cell where empty means no. */
export const optionalBoolean = () =>
  z.string().transform((v, ctx) => {
    if (v.trim() === "") return false;
    const b = parseBoolean(v);
    if (b === null) ctx.addIssue({ code: "custom", message: "invalid_boolean" });
    return b ?? false;
  });

export const integer = (min: number, max: number, optional = false) =>
  z.string().transform((v, ctx) => {
    const t = v.trim();
    if (t === "" && optional) return null;
    if (!/^-?\d+$/.test(t)) {
      ctx.addIssue({ code: "custom", message: t === "" ? "required" : "invalid_number" });
      return null;
    }
    const n = Number(t);
    if (n < min || n > max) ctx.addIssue({ code: "custom", message: "out_of_range" });
    return n;
  });

/** A past or present date; `optional` lets an empty cell mean "none" (never used, not known). */
export const date = (options: { optional?: boolean; notFuture?: boolean; today?: Date } = {}) =>
  z.string().transform((v, ctx) => {
    const t = v.trim();
    if (t === "") {
      if (!options.optional) ctx.addIssue({ code: "custom", message: "required" });
      return null;
    }
    const d = parseDay(t);
    if (!d) {
      ctx.addIssue({ code: "custom", message: "invalid_date" });
      return null;
    }
    // One day of slack: a report written in UTC+8 early in the morning is dated "tomorrow" in UTC.
    const limit = (options.today ?? new Date()).getTime() + 86_400_000;
    if (options.notFuture && d.getTime() > limit) ctx.addIssue({ code: "custom", message: "future_date" });
    return d;
  });

export const list = (max: number) =>
  z
    .string()
    .transform((v) => splitList(restoreCell(v)))
    .refine((items) => items.every((i) => i.length <= max && !FREE_TEXT_CONTROL.test(i)), "too_long");
