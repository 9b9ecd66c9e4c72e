"use client";
import { useEffect, useMemo, useState } from "react";
import {
  describedBy,
  FieldError,
  fieldErrorsOf,
  SubmitButton,
  TextAreaField,
  TextField,
} from "@/components/ui/form-fields";
import { RecordFields } from "@/components/ui/record-fields";
import { useFormAction } from "@/components/ui/use-form-action";
import { ACTIONS } from "@/lib/vocabulary";
import type { MessageKey } from "@/lib/i18n/messages";
import { translatorOf, type Messages } from "@/lib/i18n/client-translator";
import type { MandateChoice, ReportDraft } from "@/lib/reports/report-dto";
import type { SavedReport } from "@/lib/reports/save-my-report";
import type { UnitChoice } from "@/lib/units/requirers";
import { saveReportAction } from "./actions";
import { RequiredByPicker } from "./required-by-picker";

/** A count typed on a phone's number pad. */
const NUMBER_PAD = { type: "number", inputMode: "numeric", min: 0 } as const;

const MINUTE_CHOICES = [0, 10, 30, 60, 120, 300];

function daysAgo(n: number): string {
  return new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
}

/** One self-report, new or edited; built for a thumb on a 360 px screen. */
export function ReportForm(props: {
  draft: ReportDraft;
  mandates: MandateChoice[];
  requirers: UnitChoice[];
  messages: Messages;
  onSaved?: (saved: SavedReport) => void;
  onCancel?: () => void;
}) {
  const { draft, mandates, messages } = props;
  const t = translatorOf(messages);
  const [state, onSubmit, pending] = useFormAction(saveReportAction, null);
  const submissionKey = useMemo(() => crypto.randomUUID(), []);
  const [actions, setActions] = useState<string[]>(draft.actions);
  const [minutes, setMinutes] = useState(draft.minutesPerWeek === null ? "" : String(draft.minutesPerWeek));
  const [lastUsed, setLastUsed] = useState(draft.lastUsedOn);
  const [never, setNever] = useState(draft.neverUsed && !!draft.reportId);
  const errors = fieldErrorsOf(state);
  const { onSaved } = props;

  useEffect(() => {
    if (state?.ok) onSaved?.(state.data);
  }, [state, onSaved]);

  function pickIssuer(issuerUnitId: number | null) {
    const mandate = mandates.find((x) => x.issuerUnitId === issuerUnitId);
    if (mandate && !draft.reportId) setActions(mandate.actions);
  }

  const chip = "rounded-full border px-3 py-1.5 text-sm";
  const on = "border-teal-700 bg-teal-700 text-white";
  const off = "border-slate-300 bg-white text-slate-800";

  return (
    <form onSubmit={onSubmit} className="space-y-4" aria-label={draft.channel.name}>
      <RecordFields name="channelId" id={draft.channel.id} version={draft.version ?? ""} />
      <input type="hidden" name="submissionKey" value={submissionKey} />
      <p
        aria-live="polite"
        className={state?.ok === false ? "rounded bg-red-50 p-2 text-sm text-red-800" : "sr-only"}
        data-testid="form-message"
      >
        {state?.ok === false ? state.message : ""}
      </p>

      <RequiredByPicker
        mandates={mandates}
        requirers={props.requirers}
        initialUnitId={draft.requiredByUnitId}
        initialName={draft.requiredByName}
        existing={draft.reportId !== null}
        messages={messages}
        onPickIssuer={pickIssuer}
        errors={errors}
      />

      <fieldset>
        <legend className="text-sm font-medium">{t("report.actions")}</legend>
        <div className="mt-1 flex flex-wrap gap-2">
          {ACTIONS.map((a) => (
            <label
              key={a}
              className={`${chip} ${actions.includes(a) ? on : off} cursor-pointer has-[:focus-visible]:outline has-[:focus-visible]:outline-2`}
            >
              <input
                type="checkbox"
                name="actions"
                value={a}
                checked={actions.includes(a)}
                onChange={(e) => setActions(e.target.checked ? [...actions, a] : actions.filter((x) => x !== a))}
                className="sr-only"
              />
              {t(`action.${a}`)}
            </label>
          ))}
        </div>
        <FieldError id="actions" errors={errors.actions} />
      </fieldset>

      <div className="grid grid-cols-2 gap-3">
        <TextField
          name="accounts"
          label={t("report.accounts")}
          {...NUMBER_PAD}
          max={100}
          defaultValue={draft.accounts}
          errors={errors.accounts}
        />
        <TextField
          name="minutesPerWeek"
          label={t("report.minutesPerWeek")}
          {...NUMBER_PAD}
          max={10080}
          value={minutes}
          onChange={(e) => setMinutes(e.target.value)}
          errors={errors.minutesPerWeek}
        />
      </div>
      <div className="flex flex-wrap gap-2" role="group" aria-label={t("report.minutesQuick")}>
        {MINUTE_CHOICES.map((n) => (
          <button
            key={n}
            type="button"
            onClick={() => setMinutes(String(n))}
            className={`${chip} ${minutes === String(n) ? on : off}`}
          >
            {n}′
          </button>
        ))}
      </div>

      <TextField
        name="installedOn"
        type="date"
        label={t("report.installedOn")}
        max={daysAgo(0)}
        defaultValue={draft.installedOn}
        errors={errors.installedOn}
      />

      <fieldset>
        <legend className="text-sm font-medium">{t("report.lastUsedOn")}</legend>
        <p className="text-sm text-slate-600">{t("report.lastUsedHint")}</p>
        <div className="mt-1 flex flex-wrap gap-2">
          {[0, 15, 60, 180].map((d) => (
            <button
              key={d}
              type="button"
              onClick={() => {
                setNever(false);
                setLastUsed(daysAgo(d));
              }}
              className={`${chip} ${!never && lastUsed === daysAgo(d) ? on : off}`}
            >
              {t(`report.usedAgo.${d}` as MessageKey)}
            </button>
          ))}
          <label className={`${chip} ${never ? on : off} cursor-pointer`}>
            <input
              type="checkbox"
              name="neverUsed"
              checked={never}
              onChange={(e) => {
                setNever(e.target.checked);
                if (e.target.checked) setLastUsed("");
              }}
              className="sr-only"
            />
            {t("report.neverUsed")}
          </label>
        </div>
        <input
          name="lastUsedOn"
          type="date"
          max={daysAgo(0)}
          value={lastUsed}
          onChange={(e) => {
            setLastUsed(e.target.value);
            setNever(false);
          }}
          aria-label={t("report.lastUsedOn")}
          className="mt-2 w-full rounded border border-slate-300 px-2 py-2"
          {...describedBy("lastUsedOn", errors.lastUsedOn)}
        />
        <FieldError id="lastUsedOn" errors={errors.lastUsedOn} />
      </fieldset>

      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="onlyForFigures" defaultChecked={draft.onlyForFigures} className="h-5 w-5" />
        {t("report.onlyForFigures")}
      </label>

      <fieldset>
        <legend className="text-sm font-medium">{t("report.usefulness")}</legend>
        <div className="mt-1 flex gap-2">
          {[1, 2, 3, 4, 5].map((n) => (
            <label key={n} className="flex items-center gap-1 text-sm">
              <input
                type="radio"
                name="usefulness"
                value={n}
                defaultChecked={draft.usefulness === n}
                className="h-5 w-5"
              />
              {n}
            </label>
          ))}
        </div>
        <FieldError id="usefulness" errors={errors.usefulness} />
      </fieldset>

      <TextAreaField
        name="note"
        label={t("report.note")}
        maxLength={500}
        defaultValue={draft.note}
        errors={errors.note}
      />

      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="anonymous" defaultChecked={draft.anonymous} className="h-5 w-5" />
        {t("report.anonymous")}
      </label>

      <div className="flex gap-3">
        <SubmitButton pending={pending} className="flex-1 py-2.5 font-medium">
          {pending ? t("report.saving") : t("report.save")}
        </SubmitButton>
        {props.onCancel && (
          <button type="button" onClick={props.onCancel} className="rounded border border-slate-300 px-4 py-2.5">
            {t("report.cancel")}
          </button>
        )}
      </div>
    </form>
  );
}
