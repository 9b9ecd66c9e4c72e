"use client";
import { SearchPicker } from "@/components/ui/search-picker";
import { useFormAction } from "@/components/ui/use-form-action";
import { UNIT_LEVELS } from "@/lib/vocabulary";
import type { MessageKey } from "@/lib/i18n/messages";
import { translatorOf, type Messages } from "@/lib/i18n/client-translator";
import type { UnitNode } from "@/lib/units/manage-units";
import { createUnitAction, editUnitAction } from "./actions";

/** The unit above, picked by name, code or pinyin initials (the form sends its code). */
function ParentPicker(props: {
  idPrefix: string;
  initial: { code: string; name: string } | null;
  errorId: string;
  invalid: boolean;
  messages: Messages;
}) {
  const { messages } = props;
  const t = translatorOf(messages);
  return (
    <SearchPicker
      idPrefix={props.idPrefix}
      name="parentCode"
      submit="code"
      label={t("units.parent")}
      placeholder={t("units.parentSearch")}
      lookup="/api/review/lookup?kind=target"
      initial={props.initial ? { id: 0, label: props.initial.name, detail: null, code: props.initial.code } : null}
      clearLabel={t("units.parentChange")}
      noMatch={t("units.parentNoMatch")}
      invalid={props.invalid ? { describedBy: props.errorId } : null}
    />
  );
}

function Errors({ id, errors }: { id: string; errors?: string[] }) {
  return errors?.length ? (
    <p id={id} className="text-sm text-red-700">
      {errors.join(" ")}
    </p>
  ) : null;
}

/** Rename, move (by parent code) or retire one unit. */
export function EditUnitForm({ unit, messages }: { unit: UnitNode; messages: Messages }) {
  const t = translatorOf(messages);
  const [state, onSubmit, pending] = useFormAction(editUnitAction, null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  const id = (f: string) => `u${unit.id}-${f}`;
  return (
    <form onSubmit={onSubmit} aria-label={unit.code} className="flex flex-wrap items-end gap-2 text-sm">
      <input type="hidden" name="unitId" value={unit.id} />
      <input type="hidden" name="version" value={unit.version} />
      <div>
        <label htmlFor={id("name")} className="block text-xs text-slate-600">
          {t("units.name")}
        </label>
        <input
          id={id("name")}
          name="name"
          defaultValue={unit.name}
          maxLength={100}
          aria-describedby={id("name-e")}
          className="rounded border border-slate-300 px-2 py-1"
        />
        <Errors id={id("name-e")} errors={errors.name} />
      </div>
      <div className="min-w-56">
        <ParentPicker
          idPrefix={`u${unit.id}-`}
          initial={unit.parentCode ? { code: unit.parentCode, name: unit.parentName ?? unit.parentCode } : null}
          errorId={id("parent-e")}
          invalid={!!errors.parentCode}
          messages={messages}
        />
        <Errors id={id("parent-e")} errors={errors.parentCode} />
      </div>
      <label className="flex items-center gap-1">
        <input type="checkbox" name="retire" defaultChecked={unit.retired} /> {t("units.retire")}
      </label>
      <button type="submit" disabled={pending} className="rounded border border-teal-700 px-2 py-1 text-teal-800">
        {t("units.save")}
      </button>
      <span aria-live="polite" className={state?.ok === false ? "text-red-700" : "text-teal-800"}>
        {state?.ok ? t("units.saved") : state ? [state.message, ...(errors.retire ?? [])].join(" ") : ""}
      </span>
    </form>
  );
}

export function CreateUnitForm({
  parent,
  messages,
}: {
  parent: { code: string; name: string } | null;
  messages: Messages;
}) {
  const t = translatorOf(messages);
  const [state, onSubmit, pending] = useFormAction(createUnitAction, null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  return (
    <form
      onSubmit={onSubmit}
      aria-labelledby="create-unit"
      className="flex flex-wrap items-end gap-2 rounded-lg border border-slate-200 bg-white p-3 text-sm"
    >
      <h2 id="create-unit" className="w-full font-semibold">
        {t("units.create")}
      </h2>
      {(["code", "name"] as const).map((f) => (
        <div key={f}>
          <label htmlFor={`new-${f}`} className="block text-xs text-slate-600">
            {t(`units.${f}`)}
          </label>
          <input
            id={`new-${f}`}
            name={f}
            maxLength={f === "code" ? 64 : 100}
            aria-describedby={`new-${f}-e`}
            className="rounded border border-slate-300 px-2 py-1"
          />
          <Errors id={`new-${f}-e`} errors={errors[f]} />
        </div>
      ))}
      <div>
        <label htmlFor="new-level" className="block text-xs text-slate-600">
          {t("units.level")}
        </label>
        <select
          id="new-level"
          name="level"
          defaultValue="village"
          className="rounded border border-slate-300 bg-white px-2 py-1"
        >
          {UNIT_LEVELS.map((l) => (
            <option key={l} value={l}>
              {t(`level.${l}` as MessageKey)}
            </option>
          ))}
        </select>
      </div>
      <div className="min-w-56">
        <ParentPicker
          idPrefix="new-"
          initial={parent}
          errorId="new-parent-e"
          invalid={!!errors.parentCode}
          messages={messages}
        />
        <Errors id="new-parent-e" errors={errors.parentCode} />
      </div>
      <button type="submit" disabled={pending} className="rounded bg-teal-700 px-3 py-1 text-white">
        {t("units.add")}
      </button>
      <span aria-live="polite" className="text-sm">
        {state?.ok ? t("units.saved") : (state?.message ?? "")}
      </span>
    </form>
  );
}
