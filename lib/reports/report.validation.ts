import { z } from "zod";
import { recordNumber } from "@/lib/validation/record-number";
import { freeText, oneLine, requiredLine } from "@/lib/validation/clean-text";
import { dayOrNone } from "@/lib/validation/day-field";
import { ACTIONS, CHANNEL_KINDS } from "@/lib/vocabulary";
import { checkbox } from "@/lib/validation/checkbox";

/*
 * The self-report form, checked on the server (and importable by the client form). Messages are
 * codes (form.error.*) that the server translates into the user's language.
 */
const MINUTES_PER_WEEK = 7 * 24 * 60;
const day = dayOrNone({ notFuture: true });

const wholeNumber = (min: number, max: number) =>
  z.coerce.number({ error: "invalid_number" }).int("invalid_number").min(min, "out_of_range").max(max, "out_of_range");

/** A number the person must answer: an untouched (empty) field is "required", not zero. */
const requiredWholeNumber = (min: number, max: number) =>
  z
    .union([z.number(), z.string()], { error: "required" })
    .transform((v) => String(v).trim())
    .pipe(z.string().min(1, "required"))
    .transform(Number)
    .pipe(
      z.number({ error: "invalid_number" }).int("invalid_number").min(min, "out_of_range").max(max, "out_of_range"),
    );

export const reportSchema = z
  .object({
    channelId: recordNumber(1, "required"),
    /** The unit of a mandate picked from the list, or empty with a name typed in. */
    requiredByUnitId: z
      .union([z.literal(""), recordNumber(1)])
      .optional()
      .transform((v) => (v ? Number(v) : null)),
    requiredByName: oneLine(100)
      .optional()
      .transform((v) => v || null),
    actions: z
      .array(z.enum(ACTIONS, { error: "invalid_choice" }))
      .max(ACTIONS.length)
      .default([]),
    accounts: wholeNumber(0, 100),
    minutesPerWeek: requiredWholeNumber(0, MINUTES_PER_WEEK),
    installedOn: day,
    lastUsedOn: day,
    neverUsed: checkbox,
    onlyForFigures: checkbox,
    usefulness: z
      .union([z.literal(""), wholeNumber(1, 5)])
      .optional()
      .transform((v) => (v === "" || v === undefined ? null : v)),
    note: freeText(500)
      .optional()
      .transform((v) => v || null),
    anonymous: checkbox,
    /** The version the form was loaded with: a newer one in the database means someone else saved first. */
    version: z
      .union([z.literal(""), recordNumber(0)])
      .optional()
      .transform((v) => (v === "" || v === undefined ? null : v)),
    submissionKey: z
      .string()
      .trim()
      .min(8)
      .max(64)
      .regex(/^[\w-]+$/),
  })
  .superRefine((r, ctx) => {
    if (r.lastUsedOn && r.installedOn && r.lastUsedOn < r.installedOn)
      ctx.addIssue({ code: "custom", path: ["lastUsedOn"], message: "before_install" });
    // Last real use is always answered: a date, or "never". A blank read as "never" would make a
    // channel in daily use look idle, a false zombie flag.
    if (!r.lastUsedOn && !r.neverUsed)
      ctx.addIssue({ code: "custom", path: ["lastUsedOn"], message: "last_use_required" });
    if (r.lastUsedOn && r.neverUsed) ctx.addIssue({ code: "custom", path: ["lastUsedOn"], message: "last_use_both" });
  });

export type ReportInput = z.output<typeof reportSchema>;

/** "No longer required since …": the report leaves the flags and the current burden, kept in history. */
export const withdrawReportSchema = z.object({
  reportId: recordNumber(1),
  version: recordNumber(0),
  withdrawnOn: day.pipe(z.date({ error: "required" })),
});
export type WithdrawReportInput = z.output<typeof withdrawReportSchema>;

export const proposeChannelSchema = z.object({
  name: requiredLine(100),
  kind: z.enum(CHANNEL_KINDS, { error: "invalid_choice" }),
});
