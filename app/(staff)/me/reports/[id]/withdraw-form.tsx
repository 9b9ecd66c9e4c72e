"use client";
import { useEffect } from "react";
import { useRouter } from "next/navigation";
import { fieldErrorsOf, FormOutcome, SubmitButton, TextField } from "@/components/ui/form-fields";
import { RecordFields } from "@/components/ui/record-fields";
import { FormCard } from "@/components/ui/form-card";
import { useFormAction } from "@/components/ui/use-form-action";
import { translatorOf, type Messages } from "@/lib/i18n/client-translator";
import { withdrawReportAction } from "../../actions";

/** "No longer required since …": the report leaves the burden and the flags, and stays in history. */
export function WithdrawForm({
  reportId,
  version,
  today,
  withdrawn,
  messages,
}: {
  reportId: number;
  version: number;
  today: string;
  withdrawn: boolean;
  messages: Messages;
}) {
  const t = translatorOf(messages);
  const router = useRouter();
  const [state, onSubmit, pending] = useFormAction(withdrawReportAction, null);
  useEffect(() => {
    if (state?.ok) router.push("/me");
  }, [state, router]);
  // Stays mounted once the report is withdrawn (the page refreshes first), so that it can lead back to the list.
  if (withdrawn) return null;
  return (
    <FormCard id="withdraw-title" title={t("report.withdrawTitle")} hint={t("report.withdrawHint")} onSubmit={onSubmit}>
      <RecordFields name="reportId" id={reportId} version={version} />
      <TextField
        name="withdrawnOn"
        type="date"
        label={t("report.withdrawnOn")}
        max={today}
        defaultValue={today}
        errors={fieldErrorsOf(state).withdrawnOn}
      />
      <FormOutcome state={state} done="" fields={["withdrawnOn"]} />
      <SubmitButton pending={pending} tone="danger" className="w-full">
        {t("report.withdraw")}
      </SubmitButton>
    </FormCard>
  );
}
