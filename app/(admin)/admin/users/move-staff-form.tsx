"use client";
import { fieldErrorsOf, FormOutcome, SubmitButton } from "@/components/ui/form-fields";
import { SearchPicker } from "@/components/ui/search-picker";
import { useFormAction } from "@/components/ui/use-form-action";
import { translatorOf, type Messages } from "@/lib/i18n/client-translator";
import type { UserRow } from "@/lib/users/users";
import { moveStaffAction } from "./actions";

/** Moves a staff member to another unit: their reports close at the old one, and they start afresh. */
export function MoveStaffForm({ user, messages }: { user: UserRow; messages: Messages }) {
  const t = translatorOf(messages);
  const [state, onSubmit, pending] = useFormAction(moveStaffAction, null);
  return (
    <details className="mt-1 text-sm">
      <summary className="cursor-pointer text-teal-800 underline">{t("users.move")}</summary>
      <form onSubmit={onSubmit} className="mt-2 space-y-2" aria-label={t("users.moveOf", { login: user.login })}>
        <input type="hidden" name="userId" value={user.id} />
        <SearchPicker
          name="unitId"
          kind="target"
          idPrefix={`move-${user.id}-`}
          label={t("users.moveTo")}
          messages={messages}
          errors={fieldErrorsOf(state).unitId}
        />
        <p className="text-slate-600">{t("users.moveHint")}</p>
        <SubmitButton pending={pending} tone="secondary">
          {t("users.moveSubmit")}
        </SubmitButton>
        <FormOutcome
          state={state}
          done={state?.ok ? t("users.moved", { n: state.data.closed }) : ""}
          fields={["unitId"]}
        />
      </form>
    </details>
  );
}
