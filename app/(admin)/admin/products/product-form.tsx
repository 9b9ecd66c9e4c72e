"use client";
import { useFormAction } from "@/components/ui/use-form-action";
import { translatorOf, type Messages } from "@/lib/i18n/client-translator";
import { addKnownProductAction } from "./actions";

/** Adds a product's other names (English, abbreviations) so that duplicate matching knows them. */
export function ProductForm({ messages }: { messages: Messages }) {
  const t = translatorOf(messages);
  const [state, onSubmit, pending] = useFormAction(addKnownProductAction, null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  const field = (name: "name" | "otherNames" | "platformId", hint?: string) => (
    <div>
      <label htmlFor={`product-${name}`} className="block text-sm font-medium">
        {t(`products.field.${name}`)}
      </label>
      {hint && <p className="text-sm text-slate-600">{hint}</p>}
      <input
        id={`product-${name}`}
        name={name}
        maxLength={name === "otherNames" ? 1000 : 200}
        className="mt-1 w-full rounded border border-slate-300 px-2 py-2"
        {...(errors[name]?.length ? { "aria-invalid": true, "aria-describedby": `product-${name}-error` } : {})}
      />
      {errors[name]?.length ? (
        <p id={`product-${name}-error`} className="mt-1 text-sm text-red-700">
          {errors[name].join(" ")}
        </p>
      ) : null}
    </div>
  );
  return (
    <form
      onSubmit={onSubmit}
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-3"
      aria-label={t("products.add")}
    >
      {field("name")}
      {field("otherNames", t("products.otherNamesHint"))}
      {field("platformId")}
      <button type="submit" disabled={pending} className="rounded bg-teal-700 px-4 py-2 text-white disabled:opacity-60">
        {t("products.add")}
      </button>
      {state?.ok && (
        <p role="status" className="text-sm text-teal-800">
          {t("products.added")}
        </p>
      )}
      {state?.ok === false && (
        <p role="alert" className="text-sm text-red-700">
          {state.message}
        </p>
      )}
    </form>
  );
}
