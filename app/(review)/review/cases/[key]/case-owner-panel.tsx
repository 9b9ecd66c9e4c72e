"use client";
import { SearchPicker } from "@/components/ui/search-picker";
import { useFormAction } from "@/components/ui/use-form-action";
import { msg, type Messages } from "@/lib/i18n/msg";
import { setCaseOwnerAction } from "../../actions";

/** Who works the case: take it, or hand it to a colleague picked by name. */
export function CaseOwnerPanel({
  caseKey,
  owner,
  selfId,
  m,
}: {
  caseKey: string;
  owner: { id: number; name: string } | null;
  selfId: number;
  m: Messages;
}) {
  const [claimState, onClaim, claiming] = useFormAction(setCaseOwnerAction, null);
  const [assignState, onAssign, assigning] = useFormAction(setCaseOwnerAction, null);
  const assignErrors = assignState && !assignState.ok ? assignState.fieldErrors : {};
  const current = assignState?.ok ? assignState.data.owner : claimState?.ok ? claimState.data.owner : owner?.name;
  return (
    <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-3 text-sm">
      <p data-testid="case-owner" className="font-medium">
        {current ? msg(m, "case.owner", { name: current }) : msg(m, "case.unowned")}
      </p>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
        {owner?.id !== selfId && !claimState?.ok && (
          <form onSubmit={onClaim} aria-label={msg(m, "case.claim")}>
            <input type="hidden" name="caseKey" value={caseKey} />
            <button
              type="submit"
              disabled={claiming}
              className="rounded bg-teal-700 px-3 py-2 text-white disabled:opacity-60"
            >
              {msg(m, "case.claim")}
            </button>
          </form>
        )}
        <form
          onSubmit={onAssign}
          aria-label={msg(m, "case.assign")}
          className="flex flex-1 flex-col gap-2 sm:flex-row sm:items-end"
        >
          <input type="hidden" name="caseKey" value={caseKey} />
          <div className="flex-1">
            <SearchPicker
              name="ownerId"
              idPrefix="case-"
              label={msg(m, "case.assignTo")}
              placeholder={msg(m, "case.assignSearch")}
              lookup="/api/review/lookup?kind=colleague"
              initial={null}
              clearLabel={msg(m, "case.assignChange")}
              noMatch={msg(m, "case.assignNoMatch")}
              invalid={assignErrors.ownerId ? { describedBy: "case-owner-e" } : null}
            />
          </div>
          <button
            type="submit"
            disabled={assigning}
            className="rounded border border-teal-700 px-3 py-2 text-teal-800 disabled:opacity-60"
          >
            {msg(m, "case.assign")}
          </button>
        </form>
      </div>
      <p
        id="case-owner-e"
        aria-live="polite"
        className={assignState?.ok === false || claimState?.ok === false ? "text-red-700" : "text-teal-800"}
      >
        {assignState?.ok
          ? msg(m, "case.assigned", { name: assignState.data.owner })
          : assignState
            ? [assignState.message, ...(assignErrors.ownerId ?? [])].join(" ")
            : claimState?.ok
              ? msg(m, "case.claimed")
              : claimState
                ? claimState.message
                : ""}
      </p>
    </div>
  );
}
