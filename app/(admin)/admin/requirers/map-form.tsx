"use client";
import { SearchPicker } from "@/components/ui/search-picker";
import { useFormAction } from "@/components/ui/use-form-action";
import { translatorOf, type Messages } from "@/lib/i18n/client-translator";
import type { UnmappedRequirer } from "@/lib/reports/unmapped-requirers";
import { mapRequirerAction } from "./actions";

/** Picks the unit a typed name means; the county's reports that typed it then count like the rest. */
export function MapRequirerForm({
  row,
  index,
  messages,
}: {
  row: UnmappedRequirer;
  index: number;
  messages: Messages;
}) {
  const t = translatorOf(messages);
  const [state, onSubmit, pending] = useFormAction(mapRequirerAction, null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  return (
    <form onSubmit={onSubmit} className="space-y-2" aria-label={t("requirers.mapOf", { name: row.name })}>
      <input type="hidden" name="name" value={row.name} />
      <input type="hidden" name="countyId" value={row.countyId ?? ""} />
      <SearchPicker
        idPrefix={`map-${index}-`}
        name="unitId"
        label={t("requirers.unit")}
        placeholder={t("requirers.search")}
        lookup="/api/review/lookup?kind=issuer"
        initial={null}
        clearLabel={t("requirers.change")}
        noMatch={t("requirers.noMatch")}
        invalid={errors.unitId?.length ? { describedBy: `map-${index}-error` } : null}
      />
      {errors.unitId?.length ? (
        <p id={`map-${index}-error`} className="text-sm text-red-700">
          {errors.unitId.join(" ")}
        </p>
      ) : null}
      <button
        type="submit"
        disabled={pending}
        className="rounded border border-teal-700 px-3 py-1.5 text-sm text-teal-800"
      >
        {t("requirers.map")}
      </button>
      {state?.ok && (
        <p role="status" className="text-sm text-teal-800">
          {t("requirers.mapped", { n: state.data.mapped })}
        </p>
      )}
      {state?.ok === false && !errors.unitId?.length && (
        <p role="alert" className="text-sm text-red-700">
          {state.message}
        </p>
      )}
    </form>
  );
}
