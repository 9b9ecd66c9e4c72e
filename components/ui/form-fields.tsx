import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

/** A refused submission's messages by field; empty before the first submission and after a success. */
export type FieldErrors = Partial<Record<string, string[]>>;

export function fieldErrorsOf(state: { ok: boolean; fieldErrors?: Record<string, string[]> } | null): FieldErrors {
  return state && !state.ok ? (state.fieldErrors ?? {}) : {};
}

/** Ties a control to the line that says what is wrong with it, so a screen reader reads both together. */
export function describedBy(id: string, errors: string[] | undefined) {
  return errors?.length ? { "aria-invalid": true as const, "aria-describedby": `${id}-error` } : {};
}

/** The line under a field saying why the server refused it, in the reader's language. */
export function FieldError({ id, errors, className }: { id: string; errors?: string[]; className?: string }) {
  if (!errors?.length) return null;
  return (
    <p id={`${id}-error`} className={className ?? "text-sm text-red-700"}>
      {errors.join(" ")}
    </p>
  );
}

const CONTROL = "mt-1 w-full rounded border border-slate-300 bg-white px-2 py-2";

/** `id` defaults to the field's name; give one where a page holds two fields of one name. */
type Labelled = { id?: string; name?: string; label: ReactNode; errors?: string[]; className?: string };

/** A label above its control and the control's error below. */
export function Field({ id, label, errors, className, children }: Labelled & { id: string; children: ReactNode }) {
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {children}
      <FieldError id={id} errors={errors} />
    </div>
  );
}

export function TextField({ label, errors, className, ...input }: Labelled & InputHTMLAttributes<HTMLInputElement>) {
  const id = input.id ?? input.name ?? "";
  return (
    <Field id={id} label={label} errors={errors} className={className}>
      <input className={CONTROL} {...describedBy(id, errors)} {...input} id={id} />
    </Field>
  );
}

export function TextAreaField({
  label,
  errors,
  className,
  ...area
}: Labelled & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = area.id ?? area.name ?? "";
  return (
    <Field id={id} label={label} errors={errors} className={className}>
      <textarea rows={2} className={CONTROL} {...describedBy(id, errors)} {...area} id={id} />
    </Field>
  );
}

export type Option = { value: string; label: string };

/** A fixed list to choose from; `any` adds a first, empty choice ("不限") for filters. */
export function SelectField({
  label,
  errors,
  className,
  options,
  any,
  ...select
}: Labelled & SelectHTMLAttributes<HTMLSelectElement> & { options: readonly Option[]; any?: string }) {
  const id = select.id ?? select.name ?? "";
  return (
    <Field id={id} label={label} errors={errors} className={className}>
      <select className={CONTROL} {...describedBy(id, errors)} {...select} id={id}>
        {any !== undefined && <option value="">{any}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** The options of a fixed vocabulary, each named in the reader's words. */
export function optionsOf<V extends string | number>(values: readonly V[], name: (value: V) => string): Option[] {
  return values.map((v) => ({ value: String(v), label: name(v) }));
}

const TONES = {
  primary: "rounded bg-teal-700 px-4 py-2 text-white",
  secondary: "rounded border border-teal-700 px-3 py-1.5 text-teal-800",
  plain: "rounded border border-slate-400 bg-white px-3 py-2",
  danger: "rounded border border-red-700 px-4 py-2 text-red-800",
};

/** A form's button, greyed while the server works so that a second press does not send it twice. */
export function SubmitButton({
  pending,
  tone = "primary",
  className,
  children,
  ...button
}: { pending: boolean; tone?: keyof typeof TONES; className?: string; children: ReactNode } & Omit<
  React.ButtonHTMLAttributes<HTMLButtonElement>,
  "type" | "disabled"
>) {
  return (
    <button
      type="submit"
      disabled={pending}
      className={`${TONES[tone]} disabled:opacity-60 ${className ?? ""}`}
      {...button}
    >
      {children}
    </button>
  );
}

/**
 * What became of the last submission: the success words, or the server's message with what it said of
 * fields that have no line of their own. `fields` names those that do; when they hold every error, the
 * lines beside them say it all.
 */
export function FormOutcome({
  state,
  done,
  fields = [],
  className,
  testId,
}: {
  state: { ok: boolean; message?: string; fieldErrors?: Record<string, string[]> } | null;
  done: string;
  fields?: readonly string[];
  className?: string;
  testId?: string;
}) {
  const errors = Object.entries(fieldErrorsOf(state)).filter(([, e]) => e?.length);
  const elsewhere = errors.filter(([f]) => !fields.includes(f)).flatMap(([, e]) => e ?? []);
  const failed = state?.ok === false;
  const text = state?.ok
    ? done
    : failed && (elsewhere.length || !errors.length)
      ? [state.message, ...elsewhere].join(" ")
      : "";
  return (
    <p
      aria-live="polite"
      role={text ? (failed ? "alert" : "status") : undefined}
      data-testid={testId}
      className={`text-sm ${failed ? "text-red-700" : "text-teal-800"} ${className ?? ""}`}
    >
      {text}
    </p>
  );
}
