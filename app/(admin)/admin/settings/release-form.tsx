"use client";
import { FormOutcome, SubmitButton } from "@/components/ui/form-fields";
import { FormCard } from "@/components/ui/form-card";
import { useFormAction } from "@/components/ui/use-form-action";
import { translatorOf, type Messages } from "@/lib/i18n/client-translator";
import { releasePublicFiguresAction } from "./actions";

/** Publishes the public figures now, between scheduled releases (after an import, say). */
export function ReleaseForm({ released, messages }: { released: string; messages: Messages }) {
  const t = translatorOf(messages);
  const [state, onSubmit, pending] = useFormAction(releasePublicFiguresAction, null);
  return (
    <FormCard
      id="release-title"
      title={t("settings.release.title")}
      hint={released}
      onSubmit={onSubmit}
      className="max-w-xl"
    >
      <p className="text-sm text-slate-600">{t("settings.release.help")}</p>
      <FormOutcome state={state} done={t("settings.release.done")} testId="release-message" />
      <SubmitButton pending={pending}>{t("settings.release.button")}</SubmitButton>
    </FormCard>
  );
}
