"use server";
import { validatedAction } from "@/lib/actions/validated-action";
import { proposeChannel } from "@/lib/channels/propose-channel";
import { z } from "zod";
import { recordNumber } from "@/lib/validation/record-number";
import { proposeChannelSchema, reportSchema, withdrawReportSchema } from "@/lib/reports/report.validation";
import { dismissRequiredChannel } from "@/lib/reports/required-of-my-unit";
import { saveMyReport, withdrawMyReport } from "@/lib/reports/save-my-report";

export const saveReportAction = validatedAction("report:write", reportSchema, saveMyReport, {
  arrays: ["actions"],
  refresh: "/me",
});

export const proposeChannelAction = validatedAction("report:write", proposeChannelSchema, proposeChannel);

export const withdrawReportAction = validatedAction("report:write", withdrawReportSchema, withdrawMyReport, {
  refresh: "/me",
});

export const dismissRequiredAction = validatedAction(
  "report:write",
  z.object({ channelId: recordNumber(1), restore: z.enum(["", "1"]).optional() }),
  (actor, input) => dismissRequiredChannel(actor, input.channelId, input.restore === "1"),
  { refresh: "/me" },
);
