"use server";
import { revalidatePath } from "next/cache";
import { validatedAction, type ActionState } from "@/lib/actions/validated-action";
import { proposeChannel } from "@/lib/channels/propose-channel";
import { z } from "zod";
import { recordNumber } from "@/lib/validation/record-number";
import { proposeChannelSchema, reportSchema, withdrawReportSchema } from "@/lib/reports/report.validation";
import { dismissRequiredChannel } from "@/lib/reports/required-of-my-unit";
import { saveMyReport, withdrawMyReport, type SavedReport } from "@/lib/reports/save-my-report";

const save = validatedAction(
  "report:write",
  reportSchema,
  async (input, user) => {
    const saved = await saveMyReport(user, input);
    revalidatePath("/me");
    return saved;
  },
  { arrays: ["actions"] },
);

export async function saveReportAction(prev: ActionState<SavedReport>, formData: FormData) {
  return save(prev, formData);
}

const propose = validatedAction("report:write", proposeChannelSchema, (input, user) => proposeChannel(user, input));

export async function proposeChannelAction(prev: ActionState<{ id: number; name: string }>, formData: FormData) {
  return propose(prev, formData);
}

const withdraw = validatedAction("report:write", withdrawReportSchema, async (input, user) => {
  const saved = await withdrawMyReport(user, input);
  revalidatePath("/me");
  return saved;
});

export async function withdrawReportAction(prev: ActionState<SavedReport>, formData: FormData) {
  return withdraw(prev, formData);
}

const dismiss = validatedAction("report:write", z.object({ channelId: recordNumber(1), restore: z.enum(["", "1"]).optional() }), async (input) => {
  await dismissRequiredChannel(input.channelId, input.restore === "1");
  revalidatePath("/me");
  return { channelId: input.channelId };
});

export async function dismissRequiredAction(prev: ActionState<{ channelId: number }>, formData: FormData) {
  return dismiss(prev, formData);
}
