import { z } from "zod";
import { recordNumber } from "@/lib/ledger/record-id";
import { FREE_TEXT_CONTROL, ONE_LINE_CONTROL } from "@/lib/ledger/control-chars";
import { RECOMMENDATIONS } from "./flag-vocabulary";

const id = recordNumber(1);
const note = (max: number) => z.string().trim().max(max, "too_long").refine((v) => !FREE_TEXT_CONTROL.test(v), "control_chars");
const required = (max: number) => note(max).refine((v) => v.length > 0, "required");
const code = z.string().trim().max(64, "too_long").refine((v) => !ONE_LINE_CONTROL.test(v), "control_chars").refine((v) => v.length > 0, "required");

/** YYYY-MM-DD, a real date, after today (a deadline in the past is refused). */
const futureDate = z
  .string()
  .trim()
  .superRefine((v, ctx) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
    const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
    if (!d || d.toISOString().slice(0, 10) !== v) ctx.addIssue({ code: "custom", message: v ? "invalid_date" : "required" });
    else if (v <= new Date().toISOString().slice(0, 10)) ctx.addIssue({ code: "custom", message: "deadline_past" });
  });

const base = { flagId: id, version: id };

/** One decision on one flag (brief §6); the version is what the reviewer saw, to catch a concurrent decision. */
export const decisionSchema = z.discriminatedUnion(
  "decision",
  [
    z.object({ ...base, decision: z.literal("confirm"), note: note(1000).optional() }),
    z.object({ ...base, decision: z.literal("dismiss"), reason: required(1000) }),
    z.object({ ...base, decision: z.literal("recommend"), action: z.enum(RECOMMENDATIONS, { error: "invalid_choice" }), note: note(1000).optional() }),
    z.object({ ...base, decision: z.literal("assign"), issuer: code, deadline: futureDate, note: note(1000).optional() }),
    z.object({ ...base, decision: z.literal("resolve"), evidence: required(2000) }),
  ],
  { error: "invalid_choice" },
);
export type DecisionInput = z.output<typeof decisionSchema>;

/** The same decision on a selection of flags: a reason, or for an assignment the department and deadline. */
export const bulkDecisionSchema = z
  .object({
    flagIds: z.array(id, { error: "invalid" }).min(1, "none_selected").max(500, "too_many"),
    decision: z.enum(["confirm", "dismiss", "resolve", "assign"], { error: "invalid_choice" }),
    reason: note(1000).optional(),
    issuer: z.preprocess((v) => (v === "" ? undefined : v), code.optional()),
    deadline: z.string().trim().max(10, "invalid_date").optional(),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "assign") {
      if (!v.issuer) ctx.addIssue({ code: "custom", path: ["issuer"], message: "required" });
      const deadline = futureDate.safeParse(v.deadline ?? "");
      if (!deadline.success) ctx.addIssue({ code: "custom", path: ["deadline"], message: deadline.error.issues[0]?.message ?? "invalid_date" });
    } else if (v.decision !== "confirm" && !v.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: "required" });
  });
export type BulkDecisionInput = z.output<typeof bulkDecisionSchema>;

/** Merge the flag's two duplicate channels: the loser becomes an alias of the winner. */
export const mergeSchema = z
  .object({ flagId: id, version: id, winnerId: id, loserId: id })
  .refine((v) => v.winnerId !== v.loserId, { path: ["winnerId"], message: "merge_into_itself" });
export type MergeInput = z.output<typeof mergeSchema>;
