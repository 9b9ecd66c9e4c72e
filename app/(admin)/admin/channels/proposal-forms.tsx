"use client";
import { fieldErrorsOf, SubmitButton, TextField } from "@/components/ui/form-fields";
import { RecordFields } from "@/components/ui/record-fields";
import { SearchPicker } from "@/components/ui/search-picker";
import { useFormAction } from "@/components/ui/use-form-action";
import { translatorOf, type Messages } from "@/lib/i18n/client-translator";
import { reviewProposalAction } from "./actions";

/** An administrator's answer to a staff proposal: keep it, fold it into a channel picked by name, or turn it down with a reason. */
export function ProposalForms({
  channel,
  messages,
}: {
  channel: { id: number; version: number; name: string };
  messages: Messages;
}) {
  const t = translatorOf(messages);
  const [state, onSubmit, pending] = useFormAction(reviewProposalAction, null);
  const errors = fieldErrorsOf(state);
  const hidden = (
    <>
      <RecordFields name="channelId" id={channel.id} version={channel.version} />
    </>
  );
  if (state?.ok) {
    return (
      <p aria-live="polite" className="rounded-lg border border-teal-700 bg-teal-50 p-3 text-sm text-teal-900">
        {t(`catalogue.proposalDone.${state.data.decision}`, { into: state.data.into ?? "" })}
      </p>
    );
  }
  return (
    <section
      aria-labelledby="proposal-title"
      className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm"
    >
      <h2 id="proposal-title" className="font-semibold">
        {t("catalogue.proposalTitle")}
      </h2>
      <p>{t("catalogue.proposalHelp")}</p>
      <form onSubmit={onSubmit} aria-label={t("catalogue.approve")}>
        {hidden}
        <input type="hidden" name="decision" value="approve" />
        <SubmitButton pending={pending}>{t("catalogue.approve")}</SubmitButton>
      </form>
      <form onSubmit={onSubmit} aria-label={t("catalogue.mergeInto")} className="space-y-2">
        {hidden}
        <input type="hidden" name="decision" value="merge" />
        <SearchPicker
          name="intoId"
          kind="channel"
          idPrefix="proposal-"
          label={t("catalogue.mergeTarget", { name: channel.name })}
          messages={messages}
          errors={errors.intoId}
        />
        <SubmitButton pending={pending} tone="secondary">
          {t("catalogue.mergeInto")}
        </SubmitButton>
      </form>
      <form onSubmit={onSubmit} aria-label={t("catalogue.reject")} className="space-y-2">
        {hidden}
        <input type="hidden" name="decision" value="reject" />
        <TextField name="reason" label={t("catalogue.rejectReason")} maxLength={500} errors={errors.reason} />
        <SubmitButton pending={pending} tone="danger">
          {t("catalogue.reject")}
        </SubmitButton>
      </form>
      {state && !state.ok && (
        <p aria-live="polite" className="text-red-700">
          {[state.message, ...(errors.decision ?? [])].join(" ")}
        </p>
      )}
    </section>
  );
}
