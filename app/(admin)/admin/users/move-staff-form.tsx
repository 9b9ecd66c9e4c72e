"use client";
import { SearchPicker } from "@/components/ui/search-picker";
import { useFormAction } from "@/components/ui/use-form-action";
import { translatorOf, type Messages } from "@/lib/i18n/client-translator";
import type { UserRow } from "@/lib/users/users";
import { moveStaffAction } from "./actions";

/** Moves a staff member to another unit: their reports close at the old one, and they start afresh. */
export function MoveStaffForm({ user, messages }: { user: UserRow; messages: Messages }) {
  const t = translatorOf(messages);
  const [state, onSubmit, pending] = useFormAction(moveStaffAction, null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  return (
    <details className="mt-1 text-sm">
      <summary className="cursor-pointer text-teal-800 underline">{t("users.move")}</summary>
      <form onSubmit={onSubmit} className="mt-2 space-y-2" aria-label={t("users.moveOf", { login: user.login })}>
        <input type="hidden" name="userId" value={user.id} />
        <SearchPicker
          idPrefix={`move-${user.id}-`}
          name="unitId"
          label={t("users.moveTo")}
          placeholder={t("users.moveSearch")}
          lookup="/api/review/lookup?kind=target"
          initial={null}
          clearLabel={t("users.moveChange")}
          noMatch={t("users.moveNoMatch")}
          invalid={errors.unitId?.length ? { describedBy: `move-${user.id}-error` } : null}
        />
        {errors.unitId?.length ? (
          <p id={`move-${user.id}-error`} className="text-red-700">
            {errors.unitId.join(" ")}
          </p>
        ) : null}
        <p className="text-slate-600">{t("users.moveHint")}</p>
        <button type="submit" disabled={pending} className="rounded border border-teal-700 px-2 py-1 text-teal-800">
          {t("users.moveSubmit")}
        </button>
        {state?.ok && (
          <p role="status" className="text-teal-800">
            {t("users.moved", { n: state.data.closed })}
          </p>
        )}
        {state?.ok === false && !errors.unitId?.length && (
          <p role="alert" className="text-red-700">
            {state.message}
          </p>
        )}
      </form>
    </details>
  );
}
