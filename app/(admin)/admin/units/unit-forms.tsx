"use client";
import { fieldErrorsOf, optionsOf, SelectField, SubmitButton, TextField } from "@/components/ui/form-fields";
import { RecordFields } from "@/components/ui/record-fields";
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
  errors?: string[];
  messages: Messages;
}) {
  const t = translatorOf(props.messages);
  const initial = props.initial ? { id: 0, label: props.initial.name, detail: null, code: props.initial.code } : null;
  return (
    <div className="min-w-56">
      <SearchPicker
        name="parentCode"
        submit="code"
        kind="target"
        label={t("units.parent")}
        {...props}
        initial={initial}
      />
    </div>
  );
}

/** Rename, move (by parent code) or retire one unit. */
export function EditUnitForm({ unit, messages }: { unit: UnitNode; messages: Messages }) {
  const t = translatorOf(messages);
  const [state, onSubmit, pending] = useFormAction(editUnitAction, null);
  const errors = fieldErrorsOf(state);
  const id = (f: string) => `u${unit.id}-${f}`;
  return (
    <form onSubmit={onSubmit} aria-label={unit.code} className="flex flex-wrap items-end gap-2 text-sm">
      <RecordFields name="unitId" id={unit.id} version={unit.version} />
      <TextField
        id={id("name")}
        name="name"
        label={t("units.name")}
        defaultValue={unit.name}
        maxLength={100}
        errors={errors.name}
      />
      <ParentPicker
        idPrefix={`u${unit.id}-`}
        initial={unit.parentCode ? { code: unit.parentCode, name: unit.parentName ?? unit.parentCode } : null}
        errors={errors.parentCode}
        messages={messages}
      />
      <label className="flex items-center gap-1">
        <input type="checkbox" name="retire" defaultChecked={unit.retired} /> {t("units.retire")}
      </label>
      <SubmitButton pending={pending} tone="secondary">
        {t("units.save")}
      </SubmitButton>
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
  const errors = fieldErrorsOf(state);
  return (
    <form
      onSubmit={onSubmit}
      aria-labelledby="create-unit"
      className="flex flex-wrap items-end gap-2 rounded-lg border border-slate-200 bg-white p-3 text-sm"
    >
      <h2 id="create-unit" className="w-full font-semibold">
        {t("units.create")}
      </h2>
      <TextField id="new-code" name="code" label={t("units.code")} maxLength={64} errors={errors.code} />
      <TextField id="new-name" name="name" label={t("units.name")} maxLength={100} errors={errors.name} />
      <SelectField
        id="new-level"
        name="level"
        label={t("units.level")}
        defaultValue="village"
        options={optionsOf(UNIT_LEVELS, (l) => t(`level.${l}` as MessageKey))}
        errors={errors.level}
      />
      <ParentPicker idPrefix="new-" initial={parent} errors={errors.parentCode} messages={messages} />
      <SubmitButton pending={pending}>{t("units.add")}</SubmitButton>
      <span aria-live="polite" className="text-sm">
        {state?.ok ? t("units.saved") : (state?.message ?? "")}
      </span>
    </form>
  );
}
