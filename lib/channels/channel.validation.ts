import { z } from "zod";
import { recordNumber } from "@/lib/ledger/record-id";
import { ONE_LINE_CONTROL } from "@/lib/ledger/control-chars";
import { CHANNEL_KINDS, PURPOSES } from "@/lib/ledger/vocabulary";

const text = (max: number) => z.string().trim().max(max, "too_long").refine((v) => !ONE_LINE_CONTROL.test(v), "control_chars");

export const editChannelSchema = z.object({
  channelId: recordNumber(1),
  version: recordNumber(1),
  name: text(100).pipe(z.string().min(1, "required")),
  kind: z.enum(CHANNEL_KINDS, { error: "invalid_choice" }),
  purpose: z.enum(PURPOSES, { error: "invalid_choice" }),
  /** A unit code when the sponsor is in the tree, else its name. */
  operator: text(100).transform((v) => v || null),
  platformId: text(200).transform((v) => v || null),
  /** A filing number, "unfiled", or empty for unknown. */
  filing: text(100).transform((v) => v || null),
  newAlias: text(100).transform((v) => v || null),
  status: z.enum(["active", "retired"], { error: "invalid_choice" }),
});

export type EditChannelInput = z.output<typeof editChannelSchema>;
