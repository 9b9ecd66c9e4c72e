"use client";
import { fieldErrorsOf, SubmitButton } from "@/components/ui/form-fields";
import { SearchPicker } from "@/components/ui/search-picker";
import { useFormAction } from "@/components/ui/use-form-action";
import { translatorOf, type Messages } from "@/lib/i18n/client-translator";
import { setCaseOwnerAction } from "../../actions";

/** Who works the case: take it, or hand it to a colleague picked by name. */
export function CaseOwnerPanel({
  caseKey,
  owner,
  selfId,
  messages,
}: {
  caseKey: string;
  owner: { id: number; name: string } | null;
  selfId: number;
  messages: Messages;
}) {
  const t = translatorOf(messages);
  const [claimState, onClaim, claiming] = useFormAction(setCaseOwnerAction, null);
  const [assignState, onAssign, assigning] = useFormAction(setCaseOwnerAction, null);
  const assignErrors = fieldErrorsOf(assignState);
  const current = assignState?.ok ? assignState.data.owner : claimState?.ok ? claimState.data.owner : owner?.name;
  return (
    <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-3 text-sm">
      <p data-testid="case-owner" className="font-medium">
        {current ? t("case.owner", { name: current }) : t("case.unowned")}
      </p>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
        {owner?.id !== selfId && !claimState?.ok && (
          <form onSubmit={onClaim} aria-label={t("case.claim")}>
            <input type="hidden" name="caseKey" value={caseKey} />
            <SubmitButton pending={claiming}>{t("case.claim")}</SubmitButton>
          </form>
        )}
        <form
          onSubmit={onAssign}
          aria-label={t("case.assign")}
          className="flex flex-1 flex-col gap-2 sm:flex-row sm:items-end"
        >
          <input type="hidden" name="caseKey" value={caseKey} />
          <div className="flex-1">
            <SearchPicker
              name="ownerId"
              kind="colleague"
              idPrefix="case-"
              label={t("case.assignTo")}
              messages={messages}
              errors={assignErrors.ownerId}
            />
          </div>
          <SubmitButton pending={assigning} tone="secondary">
            {t("case.assign")}
          </SubmitButton>
        </form>
      </div>
      <p
        aria-live="polite"
        className={assignState?.ok === false || claimState?.ok === false ? "text-red-700" : "text-teal-800"}
      >
        {assignState?.ok
          ? t("case.assigned", { name: assignState.data.owner })
          : assignState
            ? assignState.message
            : claimState?.ok
              ? t("case.claimed")
              : claimState
                ? claimState.message
                : ""}
      </p>
    </div>
  );
}
