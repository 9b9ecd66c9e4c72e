"use client";
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
  const errors = state && !state.ok ? state.fieldErrors : {};
  const hidden = (
    <>
      <input type="hidden" name="channelId" value={channel.id} />
      <input type="hidden" name="version" value={channel.version} />
    </>
  );
  const button = "rounded px-3 py-2 disabled:opacity-60";
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
        <button type="submit" disabled={pending} className={`${button} bg-teal-700 text-white`}>
          {t("catalogue.approve")}
        </button>
      </form>
      <form onSubmit={onSubmit} aria-label={t("catalogue.mergeInto")} className="space-y-2">
        {hidden}
        <input type="hidden" name="decision" value="merge" />
        <SearchPicker
          name="intoId"
          idPrefix="proposal-"
          label={t("catalogue.mergeTarget", { name: channel.name })}
          placeholder={t("catalogue.searchHint")}
          lookup="/api/review/lookup?kind=channel"
          initial={null}
          clearLabel={t("catalogue.change")}
          noMatch={t("catalogue.noMatch")}
          invalid={errors.intoId ? { describedBy: "proposal-into-e" } : null}
        />
        {errors.intoId && (
          <p id="proposal-into-e" className="text-red-700">
            {errors.intoId.join(" ")}
          </p>
        )}
        <button type="submit" disabled={pending} className={`${button} border border-teal-700 text-teal-800`}>
          {t("catalogue.mergeInto")}
        </button>
      </form>
      <form onSubmit={onSubmit} aria-label={t("catalogue.reject")} className="space-y-2">
        {hidden}
        <input type="hidden" name="decision" value="reject" />
        <label className="flex flex-col gap-1">
          {t("catalogue.rejectReason")}
          <input
            name="reason"
            maxLength={500}
            aria-invalid={errors.reason ? true : undefined}
            aria-describedby={errors.reason ? "proposal-reason-e" : undefined}
            className="rounded border border-slate-300 bg-white px-2 py-2"
          />
        </label>
        {errors.reason && (
          <p id="proposal-reason-e" className="text-red-700">
            {errors.reason.join(" ")}
          </p>
        )}
        <button type="submit" disabled={pending} className={`${button} border border-red-700 text-red-800`}>
          {t("catalogue.reject")}
        </button>
      </form>
      {state && !state.ok && (
        <p aria-live="polite" className="text-red-700">
          {[state.message, ...(errors.decision ?? [])].join(" ")}
        </p>
      )}
    </section>
  );
}
