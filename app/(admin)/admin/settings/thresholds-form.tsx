"use client";
import { SubmitButton } from "@/components/ui/form-fields";
import { useFormAction } from "@/components/ui/use-form-action";
import type { MessageKey } from "@/lib/i18n/messages";
import { translatorOf, type Messages } from "@/lib/i18n/client-translator";
import { THRESHOLD_FIELDS, type Thresholds } from "@/lib/settings/thresholds.validation";
import { saveThresholdsAction } from "./actions";

export function ThresholdsForm({
  values,
  loadedAt,
  messages,
}: {
  values: Thresholds;
  loadedAt: string;
  messages: Messages;
}) {
  const t = translatorOf(messages);
  const [state, onSubmit, pending] = useFormAction(saveThresholdsAction, null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  // What was saved, field by field, in words: "闲置判定天数：90 → 60".
  const said = state?.ok
    ? state.data.length
      ? t("settings.savedChanges", {
          changes: state.data
            .map((c) => `${t(`settings.${c.name}` as MessageKey)}：${c.from} → ${c.to}`)
            .join(t("settings.changeSeparator")),
        })
      : t("settings.savedNothing")
    : (state?.message ?? "");
  const message = (where: string) => (
    <p
      aria-live="polite"
      data-testid={`settings-message${where}`}
      className={state?.ok === false ? "text-sm text-red-700" : "text-sm text-teal-800"}
    >
      {said}
    </p>
  );
  return (
    <form onSubmit={onSubmit} className="max-w-xl space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <input type="hidden" name="loadedAt" value={loadedAt} />
      {message("")}
      {(Object.keys(THRESHOLD_FIELDS) as (keyof Thresholds)[]).map((name) => {
        const f = THRESHOLD_FIELDS[name];
        const error = errors[name]?.join(" ");
        return (
          <div key={name}>
            <label htmlFor={name} className="block text-sm font-medium">
              {t(`settings.${name}` as MessageKey)}
            </label>
            <input
              id={name}
              name={name}
              type="number"
              inputMode="numeric"
              defaultValue={values[name]}
              min={"zeroMeans" in f ? 0 : f.min}
              max={f.max}
              aria-invalid={error ? true : undefined}
              aria-describedby={`${name}-hint${error ? ` ${name}-error` : ""}`}
              className="mt-1 w-40 rounded border border-slate-300 px-2 py-1.5"
            />
            <span id={`${name}-hint`} className="ml-2 text-xs text-slate-500">
              {"zeroMeans" in f
                ? t("settings.rangeOrZero", { min: f.min, max: f.max, zero: t(f.zeroMeans) })
                : t("settings.range", { min: f.min, max: f.max })}
            </span>
            {error && (
              <p id={`${name}-error`} className="text-sm text-red-700">
                {error}
              </p>
            )}
          </div>
        );
      })}
      <SubmitButton pending={pending}>{t("settings.save")}</SubmitButton>
      {/* Said again beside the button, where the person who pressed it is looking. */}
      {message("-bottom")}
    </form>
  );
}
