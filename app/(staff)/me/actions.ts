"use server";
import { revalidatePath } from "next/cache";
import { validatedAction, type ActionState } from "@/lib/actions/validated-action";
import { proposeChannel } from "@/lib/channels/propose-channel";
import { proposeChannelSchema, reportSchema } from "@/lib/reports/report.validation";
import { saveMyReport, type SavedReport } from "@/lib/reports/save-my-report";

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
