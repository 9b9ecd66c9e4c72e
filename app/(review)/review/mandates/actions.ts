"use server";
import { revalidatePath } from "next/cache";
import { validatedAction } from "@/lib/actions/validated-action";
import { reviewReportedMandate, revokeMandate, saveMandate } from "@/lib/mandates/manage-mandates";
import { mandateSchema, reviewMandateSchema, revokeMandateSchema } from "@/lib/mandates/mandate.validation";

export const saveMandateAction = validatedAction(
  "mandate:manage",
  mandateSchema,
  async (input, actor) => {
    const result = await saveMandate(actor, input);
    revalidatePath("/review", "layout");
    return result;
  },
  { arrays: ["actions"] },
);

export const revokeMandateAction = validatedAction("mandate:manage", revokeMandateSchema, async (input, actor) => {
  await revokeMandate(actor, input);
  revalidatePath("/review", "layout");
  return { mandateId: input.mandateId };
});

export const reviewMandateAction = validatedAction("mandate:manage", reviewMandateSchema, async (input, actor) => {
  await reviewReportedMandate(actor, input);
  revalidatePath("/review", "layout");
  return { mandateId: input.mandateId };
});
