"use client";
import { useFormAction } from "@/components/ui/use-form-action";
import { translatorOf, type Messages } from "@/lib/i18n/client-translator";
import { acceptInvitationAction } from "./actions";

export function AcceptForm({ code, login, messages }: { code: string; login: string | null; messages: Messages }) {
  const t = translatorOf(messages);
  const [state, onSubmit, pending] = useFormAction(acceptInvitationAction, null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  if (state?.ok) {
    return (
      <p role="status" className="rounded bg-teal-50 p-3">
        {t("invite.done")}{" "}
        <a href="/signin" className="font-medium text-teal-800 underline">
          {t("nav.signin")}
        </a>
      </p>
    );
  }
  const field = (name: string, label: string, props: React.InputHTMLAttributes<HTMLInputElement>) => (
    <div>
      <label htmlFor={name} className="block text-sm font-medium">
        {label}
      </label>
      <input
        id={name}
        name={name}
        {...props}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={errors[name] ? `${name}-error` : undefined}
        className="mt-1 w-full rounded border border-slate-300 px-3 py-2"
      />
      {errors[name] && (
        <p id={`${name}-error`} className="mt-1 text-sm text-red-700">
          {errors[name].join(" ")}
        </p>
      )}
    </div>
  );
  return (
    <form onSubmit={onSubmit} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <input type="hidden" name="code" value={code} />
      {state?.ok === false && (
        <p className="text-sm text-red-700" data-testid="form-message">
          {state.message}
        </p>
      )}
      {field("login", t("signin.login"), {
        defaultValue: login ?? "",
        readOnly: !!login,
        autoComplete: "username",
        maxLength: 64,
      })}
      {field("name", t("users.name"), { autoComplete: "name", maxLength: 50 })}
      {field("password", t("invite.password"), { type: "password", autoComplete: "new-password", maxLength: 256 })}
      {field("confirm", t("invite.confirm"), { type: "password", autoComplete: "new-password", maxLength: 256 })}
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded bg-teal-700 px-3 py-2 font-medium text-white disabled:opacity-60"
      >
        {t("invite.accept")}
      </button>
    </form>
  );
}
