"use client";
import { useState } from "react";
import { getSession, signIn } from "next-auth/react";
import { homeFor } from "@/lib/auth/permissions";

type Labels = Record<"login" | "password" | "submit" | "submitting" | "failed" | "required", string>;
type FieldErrors = Partial<Record<"login" | "password", string>>;

export function SignInForm({ next, labels }: { next: string | null; labels: Labels }) {
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const login = String(form.get("login") ?? "").trim();
    const password = String(form.get("password") ?? "");
    const missing: FieldErrors = {};
    if (!login) missing.login = labels.required;
    if (!password) missing.password = labels.required;
    setErrors(missing);
    setMessage(null);
    if (Object.keys(missing).length) return;
    setPending(true);
    const result = await signIn("credentials", { login, password, redirect: false });
    if (!result || result.error) {
      setPending(false);
      setMessage(labels.failed);
      return;
    }
    const session = await getSession();
    const role = (session?.user as { role?: string } | undefined)?.role ?? "";
    window.location.assign(next ?? homeFor(role));
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
      <p aria-live="polite" className="text-sm text-red-700" data-testid="signin-message">
        {message}
      </p>
      <Field name="login" label={labels.login} error={errors.login} autoComplete="username" />
      <Field
        name="password"
        label={labels.password}
        error={errors.password}
        autoComplete="current-password"
        type="password"
      />
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded bg-teal-700 px-3 py-2 font-medium text-white hover:bg-teal-800 disabled:opacity-60"
      >
        {pending ? labels.submitting : labels.submit}
      </button>
    </form>
  );
}

function Field(props: { name: string; label: string; error?: string; autoComplete: string; type?: string }) {
  const errorId = `${props.name}-error`;
  return (
    <div>
      <label htmlFor={props.name} className="block text-sm font-medium">
        {props.label}
      </label>
      <input
        id={props.name}
        name={props.name}
        type={props.type ?? "text"}
        autoComplete={props.autoComplete}
        maxLength={256}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? errorId : undefined}
        className="mt-1 w-full rounded border border-slate-300 px-3 py-2 text-base"
      />
      {props.error && (
        <p id={errorId} className="mt-1 text-sm text-red-700">
          {props.error}
        </p>
      )}
    </div>
  );
}
