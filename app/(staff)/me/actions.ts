"use server";
import { validatedAction } from "@/lib/actions/validated-action";
import { proposeChannel } from "@/lib/channels/propose-channel";
import { z } from "zod";
import { recordNumber } from "@/lib/validation/record-number";
import { proposeChannelSchema, reportSchema, withdrawReportSchema } from "@/lib/reports/report.validation";
import { dismissRequiredChannel } from "@/lib/reports/required-of-my-unit";
import { saveMyReport, withdrawMyReport } from "@/lib/reports/save-my-report";

export const saveReportAction = validatedAction(
  "report:write",
  reportSchema,
  (input, actor) => saveMyReport(actor, input),
  {
    arrays: ["actions"],
    refresh: "/me",
  },
);

export const proposeChannelAction = validatedAction("report:write", proposeChannelSchema, (input, actor) =>
  proposeChannel(actor, input),
);

export const withdrawReportAction = validatedAction(
  "report:write",
  withdrawReportSchema,
  (input, actor) => withdrawMyReport(actor, input),
  { refresh: "/me" },
);

export const dismissRequiredAction = validatedAction(
  "report:write",
  z.object({ channelId: recordNumber(1), restore: z.enum(["", "1"]).optional() }),
  async (input, actor) => {
    await dismissRequiredChannel(actor, input.channelId, input.restore === "1");
    return { channelId: input.channelId };
  },
  { refresh: "/me" },
);
