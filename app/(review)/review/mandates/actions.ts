"use server";
import { revalidatePath } from "next/cache";
import { validatedAction, type ActionState } from "@/lib/actions/validated-action";
import { reviewReportedMandate, revokeMandate, saveMandate } from "@/lib/mandates/manage-mandates";
import { mandateSchema, reviewMandateSchema, revokeMandateSchema } from "@/lib/mandates/mandate.validation";

const save = validatedAction(
  "mandate:manage",
  mandateSchema,
  async (input, user) => {
    const result = await saveMandate(user, input);
    revalidatePath("/review", "layout");
    return result;
  },
  { arrays: ["actions"] },
);

const revoke = validatedAction("mandate:manage", revokeMandateSchema, async (input, user) => {
  await revokeMandate(user, input);
  revalidatePath("/review", "layout");
  return { mandateId: input.mandateId };
});

const judge = validatedAction("mandate:manage", reviewMandateSchema, async (input, user) => {
  await reviewReportedMandate(user, input);
  revalidatePath("/review", "layout");
  return { mandateId: input.mandateId };
});

export async function saveMandateAction(prev: ActionState<{ mandateId: number }>, formData: FormData) {
  return save(prev, formData);
}

export async function revokeMandateAction(prev: ActionState<{ mandateId: number }>, formData: FormData) {
  return revoke(prev, formData);
}

export async function reviewMandateAction(prev: ActionState<{ mandateId: number }>, formData: FormData) {
  return judge(prev, formData);
}
