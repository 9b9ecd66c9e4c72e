"use client";
import { SearchPicker } from "@/components/ui/search-picker";
import { useFormAction } from "@/components/ui/use-form-action";
import { msg, type Messages } from "@/lib/i18n/msg";
import { reviewProposalAction } from "./actions";

/** An administrator's answer to a staff proposal: keep it, fold it into a channel picked by name, or turn it down with a reason. */
export function ProposalForms({ channel, m }: { channel: { id: number; version: number; name: string }; m: Messages }) {
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
        {msg(m, `catalogue.proposalDone.${state.data.decision}`, { into: state.data.into ?? "" })}
      </p>
    );
  }
  return (
    <section
      aria-labelledby="proposal-title"
      className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm"
    >
      <h2 id="proposal-title" className="font-semibold">
        {msg(m, "catalogue.proposalTitle")}
      </h2>
      <p>{msg(m, "catalogue.proposalHelp")}</p>
      <form onSubmit={onSubmit} aria-label={msg(m, "catalogue.approve")}>
        {hidden}
        <input type="hidden" name="decision" value="approve" />
        <button type="submit" disabled={pending} className={`${button} bg-teal-700 text-white`}>
          {msg(m, "catalogue.approve")}
        </button>
      </form>
      <form onSubmit={onSubmit} aria-label={msg(m, "catalogue.mergeInto")} className="space-y-2">
        {hidden}
        <input type="hidden" name="decision" value="merge" />
        <SearchPicker
          name="intoId"
          idPrefix="proposal-"
          label={msg(m, "catalogue.mergeTarget", { name: channel.name })}
          placeholder={msg(m, "catalogue.searchHint")}
          lookup="/api/review/lookup?kind=channel"
          initial={null}
          clearLabel={msg(m, "catalogue.change")}
          noMatch={msg(m, "catalogue.noMatch")}
          invalid={errors.intoId ? { describedBy: "proposal-into-e" } : null}
        />
        {errors.intoId && (
          <p id="proposal-into-e" className="text-red-700">
            {errors.intoId.join(" ")}
          </p>
        )}
        <button type="submit" disabled={pending} className={`${button} border border-teal-700 text-teal-800`}>
          {msg(m, "catalogue.mergeInto")}
        </button>
      </form>
      <form onSubmit={onSubmit} aria-label={msg(m, "catalogue.reject")} className="space-y-2">
        {hidden}
        <input type="hidden" name="decision" value="reject" />
        <label className="flex flex-col gap-1">
          {msg(m, "catalogue.rejectReason")}
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
          {msg(m, "catalogue.reject")}
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
