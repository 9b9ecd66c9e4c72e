"use server";
import { validatedAction } from "@/lib/actions/validated-action";
import { reviewReportedMandate, revokeMandate, saveMandate } from "@/lib/mandates/manage-mandates";
import { mandateSchema, reviewMandateSchema, revokeMandateSchema } from "@/lib/mandates/mandate.validation";

export const saveMandateAction = validatedAction(
  "mandate:manage",
  mandateSchema,
  (input, actor) => saveMandate(actor, input),
  { arrays: ["actions"], refresh: "/review/*" },
);

export const revokeMandateAction = validatedAction(
  "mandate:manage",
  revokeMandateSchema,
  async (input, actor) => {
    await revokeMandate(actor, input);
    return { mandateId: input.mandateId };
  },
  { refresh: "/review/*" },
);

export const reviewMandateAction = validatedAction(
  "mandate:manage",
  reviewMandateSchema,
  async (input, actor) => {
    await reviewReportedMandate(actor, input);
    return { mandateId: input.mandateId };
  },
  { refresh: "/review/*" },
);
