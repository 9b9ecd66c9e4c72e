"use client";
import { SearchPicker } from "@/components/ui/search-picker";
import { useFormAction } from "@/components/ui/use-form-action";
import type { ActionState } from "@/lib/actions/validated-action";
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

const input = "w-full rounded border border-slate-300 px-2 py-1.5";
const button = "rounded bg-teal-700 px-3 py-1.5 text-white disabled:opacity-60";

function Outcome({ state, ok }: { state: ActionState<unknown>; ok: string }) {
  const errors = state && !state.ok ? state.fieldErrors : {};
  return (
    <p aria-live="polite" className={`text-sm ${state?.ok === false ? "text-red-700" : "text-teal-800"}`}>
      {state?.ok ? ok : state ? [state.message, ...(errors.decision ?? [])].join(" ") : ""}
    </p>
  );
}

function FieldError({ errors, name, id }: { errors: Record<string, string[]>; name: string; id: string }) {
  return errors[name] ? (
    <span id={id} className="text-sm text-red-700">
      {errors[name].join(" ")}
    </span>
  ) : null;
}

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
  children?: (errors: Record<string, string[]>) => React.ReactNode;
}) {
  const t = translatorOf(messages);
  const [state, onSubmit, pending] = useFormAction(decideFlagAction, null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  return (
    <form
      onSubmit={onSubmit}
      aria-label={t(`review.decision.${decision}` as MessageKey)}
      className="space-y-2 rounded-lg border border-slate-200 bg-white p-3 text-sm"
    >
      <input type="hidden" name="flagId" value={flag.id} />
      <input type="hidden" name="version" value={flag.version} />
      <input type="hidden" name="decision" value={decision} />
      {children?.(errors)}
      <button type="submit" disabled={pending} className={button}>
        {t(`review.decision.${decision}` as MessageKey)}
      </button>
      <Outcome state={state} ok={t("review.decided")} />
    </form>
  );
}

function MergeForm({ flag, messages }: { flag: FlagForForms; messages: Messages }) {
  const t = translatorOf(messages);
  const [state, onSubmit, pending] = useFormAction(mergeChannelsAction, null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  const [a, b] = flag.channels;
  if (!a || !b) return null;
  return (
    <form
      onSubmit={onSubmit}
      aria-label={t("review.decision.merge")}
      className="space-y-2 rounded-lg border border-slate-200 bg-white p-3 text-sm"
    >
      <input type="hidden" name="flagId" value={flag.id} />
      <input type="hidden" name="version" value={flag.version} />
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
      <FieldError errors={errors} name="winnerId" id={`merge-${flag.id}-e`} />
      <button type="submit" disabled={pending} className={button}>
        {t("review.decision.merge")}
      </button>
      <Outcome
        state={state}
        ok={
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
  const id = (f: string) => `f${flag.id}-${f}`;
  const textField = (errors: Record<string, string[]>, name: string, label: MessageKey, multiline = false) => (
    <label className="flex flex-col gap-1">
      {t(label)}
      {multiline ? (
        <textarea
          id={id(name)}
          name={name}
          maxLength={2000}
          rows={3}
          aria-invalid={errors[name] ? true : undefined}
          aria-describedby={errors[name] ? id(`${name}-e`) : undefined}
          className={input}
        />
      ) : (
        <input
          id={id(name)}
          name={name}
          maxLength={1000}
          aria-invalid={errors[name] ? true : undefined}
          aria-describedby={errors[name] ? id(`${name}-e`) : undefined}
          className={input}
        />
      )}
      <FieldError errors={errors} name={name} id={id(`${name}-e`)} />
    </label>
  );
  if (!active && flag.status !== "dismissed") return <p className="text-sm text-slate-600">{t("review.closed")}</p>;
  return (
    <div className="grid gap-3 md:grid-cols-2">
      {flag.status !== "confirmed" && (
        <DecisionForm flag={flag} messages={messages} decision="confirm">
          {(e) => textField(e, "note", "review.field.note")}
        </DecisionForm>
      )}
      {active && (
        <>
          <DecisionForm flag={flag} messages={messages} decision="dismiss">
            {(e) => textField(e, "reason", "review.field.reason")}
          </DecisionForm>
          <DecisionForm flag={flag} messages={messages} decision="recommend">
            {(e) => (
              <>
                <label className="flex flex-col gap-1">
                  {t("review.field.action")}
                  <select name="action" className={`${input} bg-white`}>
                    {recommendationsFor(flag.kind).map((r) => (
                      <option key={r} value={r}>
                        {t(`review.recommend.${r}` as MessageKey)}
                      </option>
                    ))}
                  </select>
                </label>
                {textField(e, "note", "review.field.note")}
              </>
            )}
          </DecisionForm>
          <DecisionForm flag={flag} messages={messages} decision="assign">
            {(e) => (
              <>
                <SearchPicker
                  name="issuer"
                  submit="code"
                  idPrefix={`f${flag.id}-`}
                  label={t("review.field.issuer")}
                  placeholder={t("review.field.issuerSearch")}
                  lookup="/api/review/lookup?kind=issuer"
                  initial={
                    flag.issuers[0]
                      ? {
                          id: 0,
                          label: flag.issuers[0].name,
                          detail: flag.issuers[0].parent ?? null,
                          code: flag.issuers[0].code,
                        }
                      : null
                  }
                  clearLabel={t("review.field.issuerChange")}
                  noMatch={t("review.field.issuerNoMatch")}
                  invalid={e.issuer ? { describedBy: id("issuer-e") } : null}
                />
                <FieldError errors={e} name="issuer" id={id("issuer-e")} />
                <label className="flex flex-col gap-1">
                  {t("review.field.deadline")}
                  <input
                    id={id("deadline")}
                    name="deadline"
                    type="date"
                    aria-invalid={e.deadline ? true : undefined}
                    aria-describedby={e.deadline ? id("deadline-e") : undefined}
                    className={input}
                  />
                  <FieldError errors={e} name="deadline" id={id("deadline-e")} />
                </label>
              </>
            )}
          </DecisionForm>
          <DecisionForm flag={flag} messages={messages} decision="resolve">
            {(e) => textField(e, "evidence", "review.field.evidence", true)}
          </DecisionForm>
          {flag.kind === "duplicate_channel" && flag.channels.every((c) => c.status === "active") && (
            <MergeForm flag={flag} messages={messages} />
          )}
        </>
      )}
    </div>
  );
}
