"use client";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { fieldErrorsOf, FormOutcome, SubmitButton, TextAreaField, TextField } from "@/components/ui/form-fields";
import { RecordFields } from "@/components/ui/record-fields";
import { FormCard } from "@/components/ui/form-card";
import { useFormAction } from "@/components/ui/use-form-action";
import { translatorOf, type Messages } from "@/lib/i18n/client-translator";
import { reviewMandateAction, revokeMandateAction } from "../actions";

/** After a decision the page shows its result (and no longer the note of an earlier save). */
function useDone(state: { ok: boolean } | null) {
  const router = useRouter();
  useEffect(() => {
    if (!state?.ok) return;
    if (window.location.search) router.replace(window.location.pathname);
    else router.refresh();
  }, [state, router]);
}

/** Confirm or reject a mandate known from staff reports. */
export function ReviewReported({
  mandateId,
  version,
  messages,
}: {
  mandateId: number;
  version: number;
  messages: Messages;
}) {
  const t = translatorOf(messages);
  const [state, onSubmit, pending] = useFormAction(reviewMandateAction, null);
  useDone(state);
  const errors = fieldErrorsOf(state);
  return (
    <FormCard
      id="judge-title"
      title={t("mandate.judgeTitle")}
      hint={t("mandate.judgeHint")}
      onSubmit={onSubmit}
      tone="attention"
    >
      <RecordFields name="mandateId" id={mandateId} version={version} />
      <TextAreaField
        id="judge-reason"
        name="reason"
        label={t("mandate.judgeReason")}
        maxLength={500}
        errors={errors.reason}
      />
      <FormOutcome state={state} done="" fields={["reason"]} />
      <div className="flex gap-2">
        <SubmitButton pending={pending} name="decision" value="confirm" className="flex-1">
          {t("mandate.confirm")}
        </SubmitButton>
        <SubmitButton pending={pending} name="decision" value="reject" tone="plain" className="flex-1">
          {t("mandate.reject")}
        </SubmitButton>
      </div>
    </FormCard>
  );
}

/** Revoke a mandate in force, with the date and the reason. */
export function RevokeMandate({
  mandateId,
  version,
  today,
  messages,
}: {
  mandateId: number;
  version: number;
  today: string;
  messages: Messages;
}) {
  const t = translatorOf(messages);
  const [state, onSubmit, pending] = useFormAction(revokeMandateAction, null);
  useDone(state);
  const errors = fieldErrorsOf(state);
  return (
    <FormCard id="revoke-title" title={t("mandate.revokeTitle")} hint={t("mandate.revokeHint")} onSubmit={onSubmit}>
      <RecordFields name="mandateId" id={mandateId} version={version} />
      <TextField
        name="revokedOn"
        type="date"
        label={t("mandate.revokedOn")}
        defaultValue={today}
        errors={errors.revokedOn}
      />
      <TextAreaField
        id="revoke-reason"
        name="reason"
        label={t("mandate.revokeReason")}
        maxLength={500}
        errors={errors.reason}
      />
      <FormOutcome state={state} done="" fields={["revokedOn", "reason"]} />
      <SubmitButton pending={pending} tone="danger" className="w-full sm:w-auto">
        {t("mandate.revoke")}
      </SubmitButton>
    </FormCard>
  );
}
