"use client";
import { fieldErrorsOf, optionsOf, SelectField, SubmitButton, TextField } from "@/components/ui/form-fields";
import { InvitationLink } from "@/components/ui/invitation-link";
import { FormCard } from "@/components/ui/form-card";
import { SearchPicker } from "@/components/ui/search-picker";
import { useFormAction } from "@/components/ui/use-form-action";
import { ROLES } from "@/lib/auth/permissions";
import type { MessageKey } from "@/lib/i18n/messages";
import { translatorOf, type Messages } from "@/lib/i18n/client-translator";
import { createInvitationAction } from "./actions";

export function InviteForm({ messages }: { messages: Messages }) {
  const t = translatorOf(messages);
  const [state, onSubmit, pending] = useFormAction(createInvitationAction, null);
  const errors = fieldErrorsOf(state);
  const link = state?.ok && typeof window !== "undefined" ? `${window.location.origin}/invite/${state.data.code}` : "";
  return (
    <FormCard id="invite-title" title={t("invite.title")} onSubmit={onSubmit} className="max-w-xl">
      <SelectField
        id="invite-role"
        name="role"
        label={t("invite.role")}
        defaultValue="STAFF"
        options={optionsOf(ROLES, (r) => t(`role.${r}` as MessageKey))}
        errors={errors.role}
      />
      <SearchPicker
        name="unitCode"
        submit="code"
        kind="target"
        idPrefix="invite-"
        label={t("invite.unitCode")}
        messages={messages}
        errors={errors.unitCode}
      />
      <TextField id="invite-login" name="login" label={t("invite.login")} maxLength={64} errors={errors.login} />
      <SubmitButton pending={pending}>{t("invite.create")}</SubmitButton>
      <div aria-live="polite" data-testid="invite-result" className="text-sm">
        {state?.ok === false && <p className="text-red-700">{state.message}</p>}
        {state?.ok && (
          <>
            <p>{t("invite.created", { expires: state.data.expiresAt.slice(0, 10) })}</p>
            {link && (
              <InvitationLink
                link={link}
                labels={{ copy: t("invite.copy"), copied: t("invite.copied"), qr: t("invite.qr") }}
              />
            )}
          </>
        )}
      </div>
    </FormCard>
  );
}
