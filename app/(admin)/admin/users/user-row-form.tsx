"use client";
import { SubmitButton } from "@/components/ui/form-fields";
import { useFormAction } from "@/components/ui/use-form-action";
import { ROLES } from "@/lib/auth/permissions";
import type { MessageKey } from "@/lib/i18n/messages";
import { translatorOf, type Messages } from "@/lib/i18n/client-translator";
import type { UserRow } from "@/lib/users/users";
import { updateUserAction } from "./actions";

const SELECT = "rounded border border-slate-300 bg-white px-1 py-1 text-sm";

/** Role and enabled state of one account; saving ends that user's sessions at once. */
export function UserRowForm({ user, messages }: { user: UserRow; messages: Messages }) {
  const t = translatorOf(messages);
  const [state, onSubmit, pending] = useFormAction(updateUserAction, null);
  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-center gap-2" aria-label={user.login}>
      <input type="hidden" name="userId" value={user.id} />
      <select name="role" defaultValue={user.role} aria-label={t("users.role")} className={SELECT}>
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {t(`role.${r}` as MessageKey)}
          </option>
        ))}
      </select>
      <select
        name="disabled"
        defaultValue={String(user.status === "disabled" || user.status === "pending")}
        aria-label={t("users.status")}
        className={SELECT}
      >
        <option value="false">{t("users.enable")}</option>
        <option value="true">{t("users.disable")}</option>
      </select>
      <SubmitButton pending={pending} tone="secondary" className="text-sm">
        {t("users.save")}
      </SubmitButton>
      {state?.ok === false && (
        <span role="status" className="text-sm text-red-700">
          {[state.message, ...Object.values(state.fieldErrors).flat()].join(" ")}
        </span>
      )}
    </form>
  );
}
