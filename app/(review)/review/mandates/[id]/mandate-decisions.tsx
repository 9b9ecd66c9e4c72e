"use client";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
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
  const errors = state && !state.ok ? state.fieldErrors : {};
  return (
    <form
      onSubmit={onSubmit}
      className="space-y-2 rounded-lg border border-amber-200 bg-amber-50 p-3"
      aria-labelledby="judge-title"
    >
      <h2 id="judge-title" className="font-semibold">
        {t("mandate.judgeTitle")}
      </h2>
      <p className="text-sm text-slate-700">{t("mandate.judgeHint")}</p>
      <input type="hidden" name="mandateId" value={mandateId} />
      <input type="hidden" name="version" value={version} />
      <label htmlFor="judge-reason" className="block text-sm font-medium">
        {t("mandate.judgeReason")}
      </label>
      <textarea
        id="judge-reason"
        name="reason"
        rows={2}
        maxLength={500}
        className="w-full rounded border border-slate-300 px-2 py-2"
        {...(errors.reason?.length ? { "aria-invalid": true, "aria-describedby": "judge-reason-error" } : {})}
      />
      {errors.reason?.length ? (
        <p id="judge-reason-error" className="text-sm text-red-700">
          {errors.reason.join(" ")}
        </p>
      ) : null}
      {state?.ok === false && !errors.reason?.length ? (
        <p role="alert" className="text-sm text-red-700">
          {state.message}
        </p>
      ) : null}
      <div className="flex gap-2">
        <button
          type="submit"
          name="decision"
          value="confirm"
          disabled={pending}
          className="flex-1 rounded bg-teal-700 px-3 py-2 text-white disabled:opacity-60"
        >
          {t("mandate.confirm")}
        </button>
        <button
          type="submit"
          name="decision"
          value="reject"
          disabled={pending}
          className="flex-1 rounded border border-slate-400 bg-white px-3 py-2 disabled:opacity-60"
        >
          {t("mandate.reject")}
        </button>
      </div>
    </form>
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
  const errors = state && !state.ok ? state.fieldErrors : {};
  const described = (f: string) =>
    errors[f]?.length ? { "aria-invalid": true, "aria-describedby": `revoke-${f}-error` } : {};
  return (
    <form
      onSubmit={onSubmit}
      className="space-y-2 rounded-lg border border-slate-200 bg-white p-3"
      aria-labelledby="revoke-title"
    >
      <h2 id="revoke-title" className="font-semibold">
        {t("mandate.revokeTitle")}
      </h2>
      <p className="text-sm text-slate-600">{t("mandate.revokeHint")}</p>
      <input type="hidden" name="mandateId" value={mandateId} />
      <input type="hidden" name="version" value={version} />
      <label htmlFor="revokedOn" className="block text-sm font-medium">
        {t("mandate.revokedOn")}
      </label>
      <input
        id="revokedOn"
        name="revokedOn"
        type="date"
        defaultValue={today}
        className="w-full rounded border border-slate-300 px-2 py-2"
        {...described("revokedOn")}
      />
      {errors.revokedOn?.length ? (
        <p id="revoke-revokedOn-error" className="text-sm text-red-700">
          {errors.revokedOn.join(" ")}
        </p>
      ) : null}
      <label htmlFor="revoke-reason" className="block text-sm font-medium">
        {t("mandate.revokeReason")}
      </label>
      <textarea
        id="revoke-reason"
        name="reason"
        rows={2}
        maxLength={500}
        className="w-full rounded border border-slate-300 px-2 py-2"
        {...described("reason")}
      />
      {errors.reason?.length ? (
        <p id="revoke-reason-error" className="text-sm text-red-700">
          {errors.reason.join(" ")}
        </p>
      ) : null}
      {state?.ok === false && !errors.reason?.length && !errors.revokedOn?.length ? (
        <p role="alert" className="text-sm text-red-700">
          {state.message}
        </p>
      ) : null}
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded border border-red-700 px-3 py-2 text-red-800 disabled:opacity-60 sm:w-auto"
      >
        {t("mandate.revoke")}
      </button>
    </form>
  );
}
