import { z } from "zod";
import { recordNumber } from "@/lib/validation/record-number";
import { freeText, oneLine, requiredText } from "@/lib/validation/clean-text";
import { optionalDay } from "@/lib/validation/day-field";
import { ACTIONS } from "@/lib/vocabulary";
import { checkbox } from "@/lib/validation/checkbox";

/* Mandate forms of administrators and reviewers, checked on the server. Messages are form.error.* codes. */

export const mandateSchema = z
  .object({
    /** Empty to create; the mandate and the version the form was loaded with to edit. */
    mandateId: z
      .union([z.literal(""), recordNumber(1)])
      .optional()
      .transform((v) => (v ? Number(v) : null)),
    version: z
      .union([z.literal(""), recordNumber(0)])
      .optional()
      .transform((v) => (v === "" || v === undefined ? null : Number(v))),
    issuerUnitId: recordNumber(1, "required"),
    targetUnitId: recordNumber(1, "required"),
    appliesToSubtree: checkbox,
    channelId: recordNumber(1, "required"),
    actions: z
      .array(z.enum(ACTIONS, { error: "invalid_choice" }))
      .min(1, "required")
      .max(ACTIONS.length),
    assessmentLinked: checkbox,
    ranking: checkbox,
    quota: z
      .union([
        z.literal(""),
        z.coerce
          .number({ error: "invalid_number" })
          .int("invalid_number")
          .min(0, "out_of_range")
          .max(1_000_000, "out_of_range"),
      ])
      .optional()
      .transform((v) => (v === "" || v === undefined ? null : v)),
    document: oneLine(200)
      .optional()
      .transform((v) => v || null),
    since: optionalDay,
    until: optionalDay,
  })
  .superRefine((m, ctx) => {
    if (m.since && m.until && m.until < m.since)
      ctx.addIssue({ code: "custom", path: ["until"], message: "before_since" });
    if (m.quota && !m.actions.includes("promote"))
      ctx.addIssue({ code: "custom", path: ["quota"], message: "quota_without_promote" });
  });
export type MandateInput = z.output<typeof mandateSchema>;

export const revokeMandateSchema = z.object({
  mandateId: recordNumber(1),
  version: recordNumber(0),
  revokedOn: optionalDay.pipe(z.date({ error: "required" })),
  reason: requiredText(500),
});
export type RevokeMandateInput = z.output<typeof revokeMandateSchema>;

export const reviewMandateSchema = z
  .object({
    mandateId: recordNumber(1),
    version: recordNumber(0),
    decision: z.enum(["confirm", "reject"], { error: "invalid_choice" }),
    reason: freeText(500)
      .optional()
      .transform((v) => v || null),
  })
  .superRefine((r, ctx) => {
    if (r.decision === "reject" && !r.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: "required" });
  });
export type ReviewMandateInput = z.output<typeof reviewMandateSchema>;
