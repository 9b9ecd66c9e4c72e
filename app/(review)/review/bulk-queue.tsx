"use client";
import Link from "next/link";
import { useState } from "react";
import { fieldErrorsOf, optionsOf, SelectField, SubmitButton, TextField } from "@/components/ui/form-fields";
import { SearchPicker, type PickerChoice } from "@/components/ui/search-picker";
import { useFormAction } from "@/components/ui/use-form-action";
import type { MessageKey } from "@/lib/i18n/messages";
import { translatorOf, type Messages } from "@/lib/i18n/client-translator";
import type { QueueItem } from "@/lib/review/list-queue";
import { decideFlagsAction } from "./actions";

const BULK_DECISIONS = ["confirm", "dismiss", "resolve", "assign"] as const;

const SEVERITY_STYLE = {
  3: "bg-red-100 text-red-800",
  2: "bg-amber-100 text-amber-900",
  1: "bg-slate-100 text-slate-700",
} as Record<number, string>;

/** The queue, with a selection for one decision on many flags. */
export function BulkQueue({
  items,
  messages,
  preselect = false,
  issuer = null,
}: {
  items: QueueItem[];
  messages: Messages;
  preselect?: boolean;
  issuer?: PickerChoice | null;
}) {
  const t = translatorOf(messages);
  const [state, onSubmit, pending] = useFormAction(decideFlagsAction, null);
  const [decision, setDecision] = useState("confirm");
  const errors = fieldErrorsOf(state);
  if (!items.length)
    return <p className="rounded-lg border border-slate-200 bg-white p-4 text-slate-600">{t("review.empty")}</p>;
  return (
    <form onSubmit={onSubmit} aria-label={t("review.bulk.title")} className="space-y-3">
      <ul className="space-y-2">
        {items.map((f) => (
          <li key={f.id} className="flex gap-3 rounded-lg border border-slate-200 bg-white p-3">
            <input
              type="checkbox"
              name="flagIds"
              value={f.id}
              defaultChecked={preselect}
              aria-label={t("review.bulk.select", { id: f.id })}
              className="mt-1 h-5 w-5 shrink-0"
            />
            <div className="min-w-0 space-y-1">
              <div className="flex flex-wrap items-center gap-2 text-xs">
                <span className={`rounded px-1.5 py-0.5 font-medium ${SEVERITY_STYLE[f.severity] ?? ""}`}>
                  {t(`review.severity.${f.severity}` as MessageKey)}
                </span>
                <span className="font-medium">{t(`flagKind.${f.kind}` as MessageKey)}</span>
                <span className="text-slate-500">{t(`flagStatus.${f.status}` as MessageKey)}</span>
                {f.unit && <span className="text-slate-600">{f.unit}</span>}
                <span className="text-slate-500">{t("review.item.hours", { hours: f.hoursPerWeek })}</span>
                <span className="text-slate-500">
                  {f.ageDays === 0 ? t("review.item.today") : t("review.item.age", { days: f.ageDays })}
                </span>
                {f.assignedIssuer && (
                  <span className="text-slate-600">
                    {t("review.item.assigned", { issuer: f.assignedIssuer, deadline: f.deadline ?? "" })}
                  </span>
                )}
                {f.overdue && (
                  <span className="rounded bg-red-700 px-1.5 py-0.5 text-white">{t("review.item.overdue")}</span>
                )}
              </div>
              <Link href={`/review/flags/${f.id}`} className="block break-words text-sm text-teal-800 underline">
                {f.explanation}
              </Link>
            </div>
          </li>
        ))}
      </ul>
      <fieldset className="grid gap-2 rounded-lg border border-slate-200 bg-white p-3 text-sm sm:grid-cols-[auto_1fr_auto]">
        <legend className="px-1 font-medium">{t("review.bulk.title")}</legend>
        <SelectField
          id="bulk-decision"
          name="decision"
          label={t("review.bulk.decision")}
          value={decision}
          onChange={(e) => setDecision(e.target.value)}
          options={optionsOf(BULK_DECISIONS, (d) => t(`review.decision.${d}`))}
        />
        {decision === "assign" ? (
          <div className="grid gap-2 sm:grid-cols-[1fr_auto]">
            <SearchPicker
              name="issuer"
              submit="code"
              kind="issuer"
              idPrefix="bulk-"
              label={t("review.field.issuer")}
              initial={issuer}
              messages={messages}
              errors={errors.issuer}
            />
            <TextField
              id="bulk-deadline"
              name="deadline"
              type="date"
              label={t("review.field.deadline")}
              errors={errors.deadline}
            />
          </div>
        ) : (
          <TextField
            id="bulk-reason"
            name="reason"
            label={t("review.bulk.reason")}
            maxLength={1000}
            errors={errors.reason}
          />
        )}
        <div className="flex items-end">
          <SubmitButton pending={pending} className="w-full">
            {t("review.bulk.apply")}
          </SubmitButton>
        </div>
        <p
          aria-live="polite"
          data-testid="bulk-message"
          className={`sm:col-span-3 ${state?.ok === false ? "text-red-700" : "text-teal-800"}`}
        >
          {state?.ok
            ? t("review.bulk.done", { changed: state.data.changed, skipped: state.data.skipped })
            : state
              ? [state.message, ...(errors.flagIds ?? [])].join(" ")
              : ""}
        </p>
      </fieldset>
    </form>
  );
}
