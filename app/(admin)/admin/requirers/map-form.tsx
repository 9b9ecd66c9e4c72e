"use client";
import { fieldErrorsOf, FormOutcome, SubmitButton } from "@/components/ui/form-fields";
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
  const errors = fieldErrorsOf(state);
  return (
    <form onSubmit={onSubmit} className="space-y-2" aria-label={t("requirers.mapOf", { name: row.name })}>
      <input type="hidden" name="name" value={row.name} />
      <input type="hidden" name="countyId" value={row.countyId ?? ""} />
      <SearchPicker
        name="unitId"
        kind="issuer"
        idPrefix={`map-${index}-`}
        label={t("requirers.unit")}
        messages={messages}
        errors={errors.unitId}
      />
      <SubmitButton pending={pending} tone="secondary">
        {t("requirers.map")}
      </SubmitButton>
      <FormOutcome
        state={state}
        done={state?.ok ? t("requirers.mapped", { n: state.data.mapped }) : ""}
        fields={["unitId"]}
      />
    </form>
  );
}
