"use client";
import { useEffect } from "react";
import { useRouter } from "next/navigation";
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
  const errors = state && !state.ok ? state.fieldErrors : {};
  useEffect(() => {
    if (state?.ok) router.push("/me");
  }, [state, router]);
  // Stays mounted once the report is withdrawn (the page refreshes first), so that it can lead back to the list.
  if (withdrawn) return null;
  return (
    <form
      onSubmit={onSubmit}
      className="space-y-2 rounded-lg border border-slate-200 bg-white p-3"
      aria-labelledby="withdraw-title"
    >
      <h2 id="withdraw-title" className="font-semibold">
        {t("report.withdrawTitle")}
      </h2>
      <p className="text-sm text-slate-600">{t("report.withdrawHint")}</p>
      <input type="hidden" name="reportId" value={reportId} />
      <input type="hidden" name="version" value={version} />
      <label htmlFor="withdrawnOn" className="block text-sm font-medium">
        {t("report.withdrawnOn")}
      </label>
      <input
        id="withdrawnOn"
        name="withdrawnOn"
        type="date"
        max={today}
        defaultValue={today}
        className="w-full rounded border border-slate-300 px-2 py-2"
        {...(errors.withdrawnOn?.length ? { "aria-invalid": true, "aria-describedby": "withdrawnOn-error" } : {})}
      />
      {errors.withdrawnOn?.length ? (
        <p id="withdrawnOn-error" className="text-sm text-red-700">
          {errors.withdrawnOn.join(" ")}
        </p>
      ) : null}
      {state?.ok === false && !errors.withdrawnOn?.length ? (
        <p className="text-sm text-red-700" role="alert">
          {state.message}
        </p>
      ) : null}
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded border border-red-700 px-4 py-2.5 text-red-800 disabled:opacity-60"
      >
        {t("report.withdraw")}
      </button>
    </form>
  );
}
