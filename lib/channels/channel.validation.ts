import { z } from "zod";
import { recordNumber } from "@/lib/validation/record-number";
import { oneLine } from "@/lib/validation/clean-text";
import { CHANNEL_KINDS, PURPOSES } from "@/lib/vocabulary";

const UNFILED_WORDS = ["unfiled", "未备案"];

export const editChannelSchema = z.object({
  channelId: recordNumber(1),
  version: recordNumber(1),
  name: oneLine(100).pipe(z.string().min(1, "required")),
  kind: z.enum(CHANNEL_KINDS, { error: "invalid_choice" }),
  purpose: z.enum(PURPOSES, { error: "invalid_choice" }),
  /** A unit code when the sponsor is in the tree, else its name. */
  operator: oneLine(100).transform((v) => v || null),
  platformId: oneLine(200).transform((v) => v || null),
  /** A filing number, "unfiled" (typed in either language), or empty for unknown. */
  filing: oneLine(100).transform((v) => (UNFILED_WORDS.includes(v.toLowerCase()) ? "unfiled" : v || null)),
  newAlias: oneLine(100).transform((v) => v || null),
  status: z.enum(["active", "retired"], { error: "invalid_choice" }),
});

export type EditChannelInput = z.output<typeof editChannelSchema>;

/** An administrator's answer to a channel proposed by staff: keep it, fold it into an existing channel, or turn it down with a reason. */
export const proposalDecisionSchema = z
  .object({
    channelId: recordNumber(1),
    version: recordNumber(1),
    decision: z.enum(["approve", "merge", "reject"], { error: "invalid_choice" }),
    intoId: z.preprocess((v) => (v === "" ? undefined : v), recordNumber(1).optional()),
    reason: oneLine(500).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "merge" && !v.intoId) ctx.addIssue({ code: "custom", path: ["intoId"], message: "required" });
    if (v.decision === "merge" && v.intoId === v.channelId)
      ctx.addIssue({ code: "custom", path: ["intoId"], message: "merge_into_itself" });
    if (v.decision === "reject" && !v.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: "required" });
  });
export type ProposalDecisionInput = z.output<typeof proposalDecisionSchema>;
