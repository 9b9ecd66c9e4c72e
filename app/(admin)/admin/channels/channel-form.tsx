"use client";
import { fieldErrorsOf, optionsOf, SelectField, SubmitButton, TextField } from "@/components/ui/form-fields";
import { RecordFields } from "@/components/ui/record-fields";
import { useFormAction } from "@/components/ui/use-form-action";
import { CHANNEL_KINDS, PURPOSES } from "@/lib/vocabulary";
import type { MessageKey } from "@/lib/i18n/messages";
import { translatorOf, type Messages } from "@/lib/i18n/client-translator";
import type { CatalogueEntry } from "@/lib/channels/manage-channels";
import { editChannelAction } from "./actions";

/** Edit one catalogue entry; a merged one is shown read-only. */
export function ChannelForm({ channel, messages }: { channel: CatalogueEntry; messages: Messages }) {
  const t = translatorOf(messages);
  const [state, onSubmit, pending] = useFormAction(editChannelAction, null);
  const errors = fieldErrorsOf(state);
  const id = (f: string) => `c${channel.id}-${f}`;
  const input = (f: "name" | "operator" | "platformId" | "filing" | "newAlias", value: string, max: number) => (
    <TextField
      id={id(f)}
      name={f}
      label={t(`catalogue.${f}`)}
      defaultValue={value}
      maxLength={max}
      errors={errors[f]}
    />
  );
  const select = (f: "kind" | "purpose", values: readonly string[], value: string) => (
    <SelectField
      id={id(f)}
      name={f}
      label={t(`catalogue.${f}`)}
      defaultValue={value}
      options={optionsOf(values, (v) => t(`${f}.${v}` as MessageKey))}
      errors={errors[f]}
    />
  );
  return (
    <form onSubmit={onSubmit} aria-label={channel.name} className="grid gap-2 text-sm sm:grid-cols-3">
      <RecordFields name="channelId" id={channel.id} version={channel.version} />
      {input("name", channel.name, 100)}
      {select("kind", CHANNEL_KINDS, channel.kind)}
      {select("purpose", PURPOSES, channel.purpose)}
      {input("operator", channel.operator, 100)}
      {input("platformId", channel.platformId, 200)}
      {input("filing", channel.filing === "unfiled" ? t("catalogue.unfiled") : channel.filing, 100)}
      {input("newAlias", "", 100)}
      <SelectField
        id={id("status")}
        name="status"
        label={t("catalogue.status")}
        defaultValue={channel.status === "retired" ? "retired" : "active"}
        options={optionsOf(["active", "retired"], (v) => t(`catalogue.status.${v}` as MessageKey))}
        errors={errors.status}
      />
      <div className="flex items-end gap-2">
        <SubmitButton pending={pending || channel.status === "merged"} tone="secondary">
          {t("catalogue.save")}
        </SubmitButton>
        <span aria-live="polite" className={state?.ok === false ? "text-red-700" : "text-teal-800"}>
          {state?.ok ? t("catalogue.saved") : (state?.message ?? "")}
        </span>
      </div>
    </form>
  );
}
