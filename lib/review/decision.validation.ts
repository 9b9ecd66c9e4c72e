import { z } from "zod";
import { recordNumber } from "@/lib/validation/record-number";
import { freeText, requiredLine, requiredText } from "@/lib/validation/clean-text";
import { futureDay } from "@/lib/validation/day-field";
import { RECOMMENDATIONS } from "./flag-vocabulary";

const id = recordNumber(1);

const base = { flagId: id, version: id };

/** One decision on one flag (brief §6); the version is what the reviewer saw, to catch a concurrent decision. */
export const decisionSchema = z.discriminatedUnion(
  "decision",
  [
    z.object({ ...base, decision: z.literal("confirm"), note: freeText(1000).optional() }),
    z.object({ ...base, decision: z.literal("dismiss"), reason: requiredText(1000) }),
    z.object({
      ...base,
      decision: z.literal("recommend"),
      action: z.enum(RECOMMENDATIONS, { error: "invalid_choice" }),
      note: freeText(1000).optional(),
    }),
    z.object({
      ...base,
      decision: z.literal("assign"),
      issuer: requiredLine(64),
      deadline: futureDay,
      note: freeText(1000).optional(),
    }),
    z.object({ ...base, decision: z.literal("resolve"), evidence: requiredText(2000) }),
  ],
  { error: "invalid_choice" },
);
export type DecisionInput = z.output<typeof decisionSchema>;

/** The same decision on a selection of flags: a reason, or for an assignment the department and deadline. */
export const bulkDecisionSchema = z
  .object({
    flagIds: z.array(id, { error: "invalid" }).min(1, "none_selected").max(500, "too_many"),
    decision: z.enum(["confirm", "dismiss", "resolve", "assign"], { error: "invalid_choice" }),
    reason: freeText(1000).optional(),
    issuer: z.preprocess((v) => (v === "" ? undefined : v), requiredLine(64).optional()),
    deadline: z.string().trim().max(10, "invalid_date").optional(),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "assign") {
      if (!v.issuer) ctx.addIssue({ code: "custom", path: ["issuer"], message: "required" });
      const deadline = futureDay.safeParse(v.deadline ?? "");
      if (!deadline.success)
        ctx.addIssue({
          code: "custom",
          path: ["deadline"],
          message: deadline.error.issues[0]?.message ?? "invalid_date",
        });
    } else if (v.decision !== "confirm" && !v.reason)
      ctx.addIssue({ code: "custom", path: ["reason"], message: "required" });
  });
export type BulkDecisionInput = z.output<typeof bulkDecisionSchema>;

/** Merge the flag's two duplicate channels: the loser becomes an alias of the winner. */
export const mergeSchema = z
  .object({ flagId: id, version: id, winnerId: id, loserId: id })
  .refine((v) => v.winnerId !== v.loserId, { path: ["winnerId"], message: "merge_into_itself" });
export type MergeInput = z.output<typeof mergeSchema>;
