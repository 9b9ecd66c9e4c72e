"use client";
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
  const errors = state && !state.ok ? state.fieldErrors : {};
  const id = (f: string) => `c${channel.id}-${f}`;
  const input = (f: "name" | "operator" | "platformId" | "filing" | "newAlias", value: string, max: number) => (
    <div>
      <label htmlFor={id(f)} className="block text-xs text-slate-600">
        {t(`catalogue.${f}` as MessageKey)}
      </label>
      <input
        id={id(f)}
        name={f}
        defaultValue={value}
        maxLength={max}
        aria-invalid={errors[f] ? true : undefined}
        aria-describedby={errors[f] ? id(`${f}-e`) : undefined}
        className="w-full rounded border border-slate-300 px-2 py-1"
      />
      {errors[f] && (
        <p id={id(`${f}-e`)} className="text-sm text-red-700">
          {errors[f].join(" ")}
        </p>
      )}
    </div>
  );
  const select = (f: "kind" | "purpose", values: readonly string[], value: string) => (
    <div>
      <label htmlFor={id(f)} className="block text-xs text-slate-600">
        {t(`catalogue.${f}` as MessageKey)}
      </label>
      <select
        id={id(f)}
        name={f}
        defaultValue={value}
        className="w-full rounded border border-slate-300 bg-white px-2 py-1"
      >
        {values.map((v) => (
          <option key={v} value={v}>
            {t(`${f === "kind" ? "kind" : "purpose"}.${v}` as MessageKey)}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <form onSubmit={onSubmit} aria-label={channel.name} className="grid gap-2 text-sm sm:grid-cols-3">
      <input type="hidden" name="channelId" value={channel.id} />
      <input type="hidden" name="version" value={channel.version} />
      {input("name", channel.name, 100)}
      {select("kind", CHANNEL_KINDS, channel.kind)}
      {select("purpose", PURPOSES, channel.purpose)}
      {input("operator", channel.operator, 100)}
      {input("platformId", channel.platformId, 200)}
      {input("filing", channel.filing === "unfiled" ? t("catalogue.unfiled") : channel.filing, 100)}
      {input("newAlias", "", 100)}
      <div>
        <label htmlFor={id("status")} className="block text-xs text-slate-600">
          {t("catalogue.status")}
        </label>
        <select
          id={id("status")}
          name="status"
          defaultValue={channel.status === "retired" ? "retired" : "active"}
          className="w-full rounded border border-slate-300 bg-white px-2 py-1"
        >
          <option value="active">{t("catalogue.status.active")}</option>
          <option value="retired">{t("catalogue.status.retired")}</option>
        </select>
        {errors.status && <p className="text-sm text-red-700">{errors.status.join(" ")}</p>}
      </div>
      <div className="flex items-end gap-2">
        <button
          type="submit"
          disabled={pending || channel.status === "merged"}
          className="rounded border border-teal-700 px-3 py-1 text-teal-800 disabled:opacity-50"
        >
          {t("catalogue.save")}
        </button>
        <span aria-live="polite" className={state?.ok === false ? "text-red-700" : "text-teal-800"}>
          {state?.ok ? t("catalogue.saved") : (state?.message ?? "")}
        </span>
      </div>
    </form>
  );
}
