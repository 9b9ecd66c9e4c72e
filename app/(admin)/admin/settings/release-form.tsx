"use client";
import { useFormAction } from "@/components/ui/use-form-action";
import { translatorOf, type Messages } from "@/lib/i18n/client-translator";
import { releasePublicFiguresAction } from "./actions";

/** Publishes the public figures now, between scheduled releases (after an import, say). */
export function ReleaseForm({ released, messages }: { released: string; messages: Messages }) {
  const t = translatorOf(messages);
  const [state, onSubmit, pending] = useFormAction(releasePublicFiguresAction, null);
  return (
    <form
      onSubmit={onSubmit}
      className="max-w-xl space-y-2 rounded-lg border border-slate-200 bg-white p-4"
      aria-labelledby="release-title"
    >
      <h2 id="release-title" className="font-medium">
        {t("settings.release.title")}
      </h2>
      <p className="text-sm text-slate-700">{released}</p>
      <p className="text-sm text-slate-600">{t("settings.release.help")}</p>
      <p
        aria-live="polite"
        data-testid="release-message"
        className={state?.ok === false ? "text-sm text-red-700" : "text-sm text-teal-800"}
      >
        {state?.ok ? t("settings.release.done") : (state?.message ?? "")}
      </p>
      <button type="submit" disabled={pending} className="rounded bg-teal-700 px-4 py-2 text-white disabled:opacity-60">
        {t("settings.release.button")}
      </button>
    </form>
  );
}
