"use client";
import { SearchPicker } from "@/components/ui/search-picker";
import { useFormAction } from "@/components/ui/use-form-action";
import { ROLES } from "@/lib/auth/permissions";
import type { MessageKey } from "@/lib/i18n/messages";
import { translatorOf, type Messages } from "@/lib/i18n/client-translator";
import { createInvitationAction } from "./actions";

export function InviteForm({ messages }: { messages: Messages }) {
  const t = translatorOf(messages);
  const [state, onSubmit, pending] = useFormAction(createInvitationAction, null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  const link = state?.ok && typeof window !== "undefined" ? `${window.location.origin}/invite/${state.data.code}` : "";
  const field = (name: string, label: string, props: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <div>
      <label htmlFor={`invite-${name}`} className="block text-sm font-medium">
        {label}
      </label>
      <input
        id={`invite-${name}`}
        name={name}
        {...props}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={errors[name] ? `invite-${name}-error` : undefined}
        className="mt-1 w-full rounded border border-slate-300 px-2 py-1.5"
      />
      {errors[name] && (
        <p id={`invite-${name}-error`} className="text-sm text-red-700">
          {errors[name].join(" ")}
        </p>
      )}
    </div>
  );
  return (
    <form
      onSubmit={onSubmit}
      className="max-w-xl space-y-3 rounded-lg border border-slate-200 bg-white p-4"
      aria-labelledby="invite-title"
    >
      <h2 id="invite-title" className="font-semibold">
        {t("invite.title")}
      </h2>
      <div>
        <label htmlFor="invite-role" className="block text-sm font-medium">
          {t("invite.role")}
        </label>
        <select
          id="invite-role"
          name="role"
          defaultValue="STAFF"
          className="mt-1 rounded border border-slate-300 bg-white px-2 py-1.5"
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}` as MessageKey)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <SearchPicker
          name="unitCode"
          submit="code"
          label={t("invite.unitCode")}
          placeholder={t("invite.unitSearch")}
          lookup="/api/review/lookup?kind=target"
          initial={null}
          clearLabel={t("invite.unitChange")}
          noMatch={t("invite.unitNoMatch")}
          idPrefix="invite-"
          invalid={errors.unitCode ? { describedBy: "invite-unitCode-error" } : null}
        />
        {errors.unitCode && (
          <p id="invite-unitCode-error" className="text-sm text-red-700">
            {errors.unitCode.join(" ")}
          </p>
        )}
      </div>
      {field("login", t("invite.login"), { maxLength: 64 })}
      <button type="submit" disabled={pending} className="rounded bg-teal-700 px-4 py-2 text-white disabled:opacity-60">
        {t("invite.create")}
      </button>
      <div aria-live="polite" data-testid="invite-result" className="text-sm">
        {state?.ok === false && <p className="text-red-700">{state.message}</p>}
        {state?.ok && (
          <p>
            {t("invite.created", { expires: state.data.expiresAt.slice(0, 10) })}{" "}
            <code className="break-all rounded bg-slate-100 px-1" data-testid="invite-link">
              {link}
            </code>
          </p>
        )}
      </div>
    </form>
  );
}
