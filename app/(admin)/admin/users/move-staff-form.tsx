"use client";
import { SearchPicker } from "@/components/ui/search-picker";
import { useFormAction } from "@/components/ui/use-form-action";
import { msg, type Messages } from "@/lib/i18n/msg";
import type { UserRow } from "@/lib/users/users";
import { moveStaffAction } from "./actions";

/** Moves a staff member to another unit: their reports close at the old one, and they start afresh. */
export function MoveStaffForm({ user, m }: { user: UserRow; m: Messages }) {
  const [state, onSubmit, pending] = useFormAction(moveStaffAction, null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  return (
    <details className="mt-1 text-sm">
      <summary className="cursor-pointer text-teal-800 underline">{msg(m, "users.move")}</summary>
      <form onSubmit={onSubmit} className="mt-2 space-y-2" aria-label={msg(m, "users.moveOf", { login: user.login })}>
        <input type="hidden" name="userId" value={user.id} />
        <SearchPicker
          idPrefix={`move-${user.id}-`}
          name="unitId"
          label={msg(m, "users.moveTo")}
          placeholder={msg(m, "users.moveSearch")}
          lookup="/api/review/lookup?kind=target"
          initial={null}
          clearLabel={msg(m, "users.moveChange")}
          noMatch={msg(m, "users.moveNoMatch")}
          invalid={errors.unitId?.length ? { describedBy: `move-${user.id}-error` } : null}
        />
        {errors.unitId?.length ? (
          <p id={`move-${user.id}-error`} className="text-red-700">
            {errors.unitId.join(" ")}
          </p>
        ) : null}
        <p className="text-slate-600">{msg(m, "users.moveHint")}</p>
        <button type="submit" disabled={pending} className="rounded border border-teal-700 px-2 py-1 text-teal-800">
          {msg(m, "users.moveSubmit")}
        </button>
        {state?.ok && (
          <p role="status" className="text-teal-800">
            {msg(m, "users.moved", { n: state.data.closed })}
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
