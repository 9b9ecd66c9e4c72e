"use client";
import {
  FieldError,
  fieldErrorsOf,
  FormOutcome,
  optionsOf,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  type FieldErrors,
} from "@/components/ui/form-fields";
import { RecordFields } from "@/components/ui/record-fields";
import { SearchPicker } from "@/components/ui/search-picker";
import { useFormAction } from "@/components/ui/use-form-action";
import type { MessageKey } from "@/lib/i18n/messages";
import { translatorOf, type Messages } from "@/lib/i18n/client-translator";
import { recommendationsFor } from "@/lib/review/flag-vocabulary";
import { decideFlagAction, mergeChannelsAction } from "../../actions";

type FlagForForms = {
  id: number;
  version: number;
  kind: string;
  status: string;
  channels: { id: number; name: string; status: string }[];
  issuers: { code: string; name: string; parent?: string | null }[];
};

/** One decision: a small form of its own, so each keeps its input when refused. */
function DecisionForm({
  flag,
  messages,
  decision,
  children,
}: {
  flag: FlagForForms;
  messages: Messages;
  decision: string;
  /** The decision's own fields, given its errors and the prefix that keeps their ids apart from another decision's. */
  children?: (errors: FieldErrors, idPrefix: string) => React.ReactNode;
}) {
  const t = translatorOf(messages);
  const [state, onSubmit, pending] = useFormAction(decideFlagAction, null);
  const errors = fieldErrorsOf(state);
  return (
    <form
      onSubmit={onSubmit}
      aria-label={t(`review.decision.${decision}` as MessageKey)}
      className="space-y-2 rounded-lg border border-slate-200 bg-white p-3 text-sm"
    >
      <RecordFields name="flagId" id={flag.id} version={flag.version} />
      <input type="hidden" name="decision" value={decision} />
      {children?.(errors, `f${flag.id}-${decision}-`)}
      <SubmitButton pending={pending}>{t(`review.decision.${decision}` as MessageKey)}</SubmitButton>
      <FormOutcome state={state} done={t("review.decided")} fields={FIELDS_OF[decision]} />
    </form>
  );
}

/** The fields each decision shows; an error on any other is said in the form's outcome. */
const FIELDS_OF: Record<string, string[]> = {
  confirm: ["note"],
  dismiss: ["reason"],
  recommend: ["action", "note"],
  assign: ["issuer", "deadline"],
  resolve: ["evidence"],
};

function MergeForm({ flag, messages }: { flag: FlagForForms; messages: Messages }) {
  const t = translatorOf(messages);
  const [state, onSubmit, pending] = useFormAction(mergeChannelsAction, null);
  const errors = fieldErrorsOf(state);
  const [a, b] = flag.channels;
  if (!a || !b) return null;
  return (
    <form
      onSubmit={onSubmit}
      aria-label={t("review.decision.merge")}
      className="space-y-2 rounded-lg border border-slate-200 bg-white p-3 text-sm"
    >
      <RecordFields name="flagId" id={flag.id} version={flag.version} />
      <fieldset className="space-y-1">
        <legend>{t("review.merge.keep")}</legend>
        {[
          [a, b],
          [b, a],
        ].map(([winner, loser]) => (
          <label key={winner!.id} className="flex items-center gap-2">
            <input
              type="radio"
              name="pair"
              value={`${winner!.id}:${loser!.id}`}
              defaultChecked={winner === a}
              onChange={(e) => {
                const form = e.currentTarget.form!;
                (form.elements.namedItem("winnerId") as HTMLInputElement).value = String(winner!.id);
                (form.elements.namedItem("loserId") as HTMLInputElement).value = String(loser!.id);
              }}
            />
            {t("review.merge.option", { winner: winner!.name, loser: loser!.name })}
          </label>
        ))}
      </fieldset>
      <input type="hidden" name="winnerId" defaultValue={a.id} />
      <input type="hidden" name="loserId" defaultValue={b.id} />
      <FieldError errors={errors.winnerId} id={`merge-${flag.id}`} />
      <SubmitButton pending={pending}>{t("review.decision.merge")}</SubmitButton>
      <FormOutcome
        state={state}
        fields={["winnerId"]}
        done={
          state?.ok
            ? t("review.merge.done", {
                winner: (state.data as { winner: string }).winner,
                loser: (state.data as { loser: string }).loser,
              })
            : ""
        }
      />
    </form>
  );
}

/** The decisions a reviewer can take on this flag now. */
export function DecisionForms({ flag, messages }: { flag: FlagForForms; messages: Messages }) {
  const t = translatorOf(messages);
  const active = flag.status === "open" || flag.status === "confirmed";
  const issuer = flag.issuers[0];
  const textField = (errors: FieldErrors, prefix: string, name: string, label: MessageKey, multiline = false) =>
    multiline ? (
      <TextAreaField id={prefix + name} name={name} label={t(label)} maxLength={2000} rows={3} errors={errors[name]} />
    ) : (
      <TextField id={prefix + name} name={name} label={t(label)} maxLength={1000} errors={errors[name]} />
    );
  if (!active && flag.status !== "dismissed") return <p className="text-sm text-slate-600">{t("review.closed")}</p>;
  return (
    <div className="grid gap-3 md:grid-cols-2">
      {flag.status !== "confirmed" && (
        <DecisionForm flag={flag} messages={messages} decision="confirm">
          {(e, p) => textField(e, p, "note", "review.field.note")}
        </DecisionForm>
      )}
      {active && (
        <>
          <DecisionForm flag={flag} messages={messages} decision="dismiss">
            {(e, p) => textField(e, p, "reason", "review.field.reason")}
          </DecisionForm>
          <DecisionForm flag={flag} messages={messages} decision="recommend">
            {(e, p) => (
              <>
                <SelectField
                  id={`${p}action`}
                  name="action"
                  label={t("review.field.action")}
                  options={optionsOf(recommendationsFor(flag.kind), (r) => t(`review.recommend.${r}` as MessageKey))}
                  errors={e.action}
                />
                {textField(e, p, "note", "review.field.note")}
              </>
            )}
          </DecisionForm>
          <DecisionForm flag={flag} messages={messages} decision="assign">
            {(e, p) => (
              <>
                <SearchPicker
                  name="issuer"
                  submit="code"
                  kind="issuer"
                  idPrefix={p}
                  label={t("review.field.issuer")}
                  initial={
                    issuer ? { id: 0, label: issuer.name, detail: issuer.parent ?? null, code: issuer.code } : null
                  }
                  messages={messages}
                  errors={e.issuer}
                />
                <TextField
                  id={`${p}deadline`}
                  name="deadline"
                  type="date"
                  label={t("review.field.deadline")}
                  errors={e.deadline}
                />
              </>
            )}
          </DecisionForm>
          <DecisionForm flag={flag} messages={messages} decision="resolve">
            {(e, p) => textField(e, p, "evidence", "review.field.evidence", true)}
          </DecisionForm>
          {flag.kind === "duplicate_channel" && flag.channels.every((c) => c.status === "active") && (
            <MergeForm flag={flag} messages={messages} />
          )}
        </>
      )}
    </div>
  );
}
