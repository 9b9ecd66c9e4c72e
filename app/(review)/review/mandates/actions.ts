"use server";
import { validatedAction } from "@/lib/actions/validated-action";
import { reviewReportedMandate, revokeMandate, saveMandate } from "@/lib/mandates/manage-mandates";
import { mandateSchema, reviewMandateSchema, revokeMandateSchema } from "@/lib/mandates/mandate.validation";

export const saveMandateAction = validatedAction("mandate:manage", mandateSchema, saveMandate, {
  arrays: ["actions"],
  refresh: "/review/*",
});

export const revokeMandateAction = validatedAction("mandate:manage", revokeMandateSchema, revokeMandate, {
  refresh: "/review/*",
});

export const reviewMandateAction = validatedAction("mandate:manage", reviewMandateSchema, reviewReportedMandate, {
  refresh: "/review/*",
});
