"use client";
import { useEffect } from "react";
import { useRouter } from "next/navigation";
import type { InputHTMLAttributes } from "react";
import { FieldError, fieldErrorsOf, SubmitButton, TextField } from "@/components/ui/form-fields";
import { RecordFields } from "@/components/ui/record-fields";
import { SearchPicker, type PickerChoice, type PickerKind } from "@/components/ui/search-picker";
import { useFormAction } from "@/components/ui/use-form-action";
import type { MessageKey } from "@/lib/i18n/messages";
import { translatorOf, type Messages } from "@/lib/i18n/client-translator";
import { ACTIONS } from "@/lib/vocabulary";
import { saveMandateAction } from "./actions";

export type MandateFormValues = {
  mandateId: number | null;
  version: number | null;
  issuer: PickerChoice | null;
  target: PickerChoice | null;
  channel: PickerChoice | null;
  appliesToSubtree: boolean;
  actions: string[];
  assessmentLinked: boolean;
  ranking: boolean;
  quota: number | null;
  document: string;
  since: string;
  until: string;
};

/** Create or edit a mandate: who requires which unit (and, if marked, every unit below it) to do what on which channel. */
export function MandateForm({ values, messages }: { values: MandateFormValues; messages: Messages }) {
  const t = translatorOf(messages);
  const router = useRouter();
  const [state, onSubmit, pending] = useFormAction(saveMandateAction, null);
  const errors = fieldErrorsOf(state);
  useEffect(() => {
    if (state?.ok) router.push(`/review/mandates/${state.data.mandateId}?saved=1`);
  }, [state, router]);
  const picker = (name: string, kind: PickerKind, initial: PickerChoice | null) => (
    <SearchPicker
      name={name}
      kind={kind}
      label={t(`mandate.field.${name}` as MessageKey)}
      initial={initial}
      messages={messages}
      errors={errors[name]}
    />
  );
  const field = (name: "quota" | "document" | "since" | "until", props: InputHTMLAttributes<HTMLInputElement>) => (
    <TextField id={name} name={name} label={t(`mandate.field.${name}`)} errors={errors[name]} {...props} />
  );
  return (
    <form
      onSubmit={onSubmit}
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-3"
      aria-label={t(values.mandateId ? "mandate.editTitle" : "mandate.newTitle")}
    >
      <RecordFields name="mandateId" id={values.mandateId ?? ""} version={values.version ?? ""} />
      <p aria-live="polite" className={state?.ok === false ? "rounded bg-red-50 p-2 text-sm text-red-800" : "sr-only"}>
        {state?.ok === false ? state.message : ""}
      </p>
      {picker("issuerUnitId", "issuer", values.issuer)}
      {picker("targetUnitId", "target", values.target)}
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="appliesToSubtree" defaultChecked={values.appliesToSubtree} className="h-5 w-5" />
        {t("mandate.field.appliesToSubtree")}
      </label>
      {picker("channelId", "channel", values.channel)}
      <fieldset>
        <legend className="text-sm font-medium">{t("mandate.field.actions")}</legend>
        <div className="mt-1 flex flex-wrap gap-x-4 gap-y-2">
          {ACTIONS.map((a) => (
            <label key={a} className="flex items-center gap-1.5 text-sm">
              <input
                type="checkbox"
                name="actions"
                value={a}
                defaultChecked={values.actions.includes(a)}
                className="h-4 w-4"
              />
              {t(`action.${a}` as MessageKey)}
            </label>
          ))}
        </div>
        <FieldError id="actions" errors={errors.actions} />
      </fieldset>
      <div className="flex flex-wrap gap-4">
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="assessmentLinked" defaultChecked={values.assessmentLinked} className="h-5 w-5" />
          {t("mandate.field.assessmentLinked")}
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="ranking" defaultChecked={values.ranking} className="h-5 w-5" />
          {t("mandate.field.ranking")}
        </label>
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        {field("quota", { type: "number", inputMode: "numeric", min: 0, defaultValue: values.quota ?? "" })}
        {field("document", { maxLength: 200, defaultValue: values.document })}
        {field("since", { type: "date", defaultValue: values.since })}
        {field("until", { type: "date", defaultValue: values.until })}
      </div>
      <SubmitButton pending={pending} className="w-full font-medium sm:w-auto">
        {pending ? t("mandate.saving") : t("mandate.save")}
      </SubmitButton>
    </form>
  );
}
