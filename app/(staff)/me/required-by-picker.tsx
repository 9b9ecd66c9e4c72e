"use client";
import { useMemo, useState } from "react";
import { describedBy, FieldError, TextField, type FieldErrors } from "@/components/ui/form-fields";
import { translatorOf, type Messages } from "@/lib/i18n/client-translator";
import type { MandateChoice } from "@/lib/reports/report-dto";
import type { UnitChoice } from "@/lib/units/requirers";

const OTHER = "";

/**
 * Who required the channel, picked rather than typed: the issuers the ledger already knows for it
 * first, then the units and departments up the reporter's tree, narrowed by name or pinyin
 * initials as the person types. "Other" keeps a name for an administrator to map to a unit.
 */
export function RequiredByPicker(props: {
  mandates: MandateChoice[];
  requirers: UnitChoice[];
  initialUnitId: number | null;
  initialName: string;
  /** An existing report: what it said stands (no default requirer is put in its mouth). */
  existing: boolean;
  messages: Messages;
  onPickIssuer: (issuerUnitId: number | null) => void;
  errors: FieldErrors;
}) {
  const { mandates, requirers, messages, errors } = props;
  const t = translatorOf(messages);
  const [filter, setFilter] = useState("");
  const [value, setValue] = useState(
    props.initialUnitId
      ? String(props.initialUnitId)
      : props.initialName || props.existing
        ? OTHER
        : mandates[0]
          ? String(mandates[0].issuerUnitId)
          : OTHER,
  );
  const known = new Set(mandates.map((x) => x.issuerUnitId));
  const initialsOf = useMemo(() => new Map(requirers.map((u) => [u.id, u.initials])), [requirers]);
  const q = filter.trim().toLowerCase();
  const matches = (id: number, name: string) =>
    !q || name.toLowerCase().includes(q) || (initialsOf.get(id) ?? "").startsWith(q);
  // The chosen one stays in the list whatever the filter says: a filter that matches nothing must
  // not quietly change what is saved.
  const chosen = (id: number) => String(id) === value;
  const issuers = mandates.filter((x) => chosen(x.issuerUnitId) || matches(x.issuerUnitId, x.issuerName));
  const up = requirers.filter((u) => !known.has(u.id) && (chosen(u.id) || matches(u.id, u.name)));
  const nothingMatches =
    q !== "" &&
    !mandates.some((x) => matches(x.issuerUnitId, x.issuerName)) &&
    !requirers.some((u) => matches(u.id, u.name));

  function pick(next: string) {
    setValue(next);
    props.onPickIssuer(next ? Number(next) : null);
  }

  function narrow(text: string) {
    setFilter(text);
    const t = text.trim().toLowerCase();
    if (!t) return;
    const first = [...mandates.map((x) => ({ id: x.issuerUnitId, name: x.issuerName })), ...requirers].find(
      (u) => u.name.toLowerCase().includes(t) || (initialsOf.get(u.id) ?? "").startsWith(t),
    );
    if (first && String(first.id) !== value) pick(String(first.id));
  }

  return (
    <fieldset>
      <legend className="text-sm font-medium">{t("report.requiredBy")}</legend>
      <label htmlFor="requiredBy-filter" className="mt-1 block text-sm text-slate-600">
        {t("report.requiredByFilter")}
      </label>
      <input
        id="requiredBy-filter"
        type="search"
        autoComplete="off"
        value={filter}
        onChange={(e) => narrow(e.target.value)}
        placeholder={t("report.requiredByFilterHint")}
        className="mt-1 w-full rounded border border-slate-300 px-2 py-2"
      />
      {nothingMatches && (
        <p className="mt-1 text-sm text-amber-800" role="status">
          {t("report.requiredByNoMatch")}
        </p>
      )}
      <select
        name="requiredByUnitId"
        value={value}
        onChange={(e) => pick(e.target.value)}
        className="mt-2 w-full rounded border border-slate-300 bg-white px-2 py-2"
        aria-label={t("report.requiredBy")}
        {...describedBy("requiredByUnitId", errors.requiredByUnitId)}
      >
        {issuers.length > 0 && (
          <optgroup label={t("report.requiredByKnown")}>
            {issuers.map((x) => (
              <option key={x.issuerUnitId} value={x.issuerUnitId}>
                {x.issuerName}
              </option>
            ))}
          </optgroup>
        )}
        {up.length > 0 && (
          <optgroup label={t("report.requiredByTree")}>
            {up.map((u) => (
              <option key={u.id} value={u.id}>
                {u.parentName ? t("report.unitUnder", { unit: u.name, parent: u.parentName }) : u.name}
              </option>
            ))}
          </optgroup>
        )}
        <option value={OTHER}>{t("report.requiredByOther")}</option>
      </select>
      <FieldError id="requiredByUnitId" errors={errors.requiredByUnitId} />
      {value === OTHER ? (
        <TextField
          name="requiredByName"
          label={t("report.requiredByName")}
          defaultValue={props.initialName}
          maxLength={100}
          errors={errors.requiredByName}
          className="mt-2"
        />
      ) : (
        <FieldError id="requiredByName" errors={errors.requiredByName} />
      )}
    </fieldset>
  );
}
