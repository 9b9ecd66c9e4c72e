import Link from "next/link";
import { recordOrNotFound } from "@/lib/actions/record-or-not-found";
import { requirePageActor } from "@/lib/auth/current-user";
import { pickMessages } from "@/lib/i18n/pick-messages";
import { getTranslator } from "@/lib/i18n/server";
import { getMyReport } from "@/lib/reports/get-my-report";
import { beijingToday } from "@/lib/dates/calendar-day";
import { requirersOfMyUnit } from "@/lib/reports/my-requirers";
import { EditReport } from "./edit-report";
import { WithdrawForm } from "./withdraw-form";

export default async function EditReportPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor("report:write", `/me/reports/${id}`);
  const t = await getTranslator();
  const found = await recordOrNotFound(id, (reportId) => getMyReport(actor, reportId));
  return (
    <div className="space-y-4">
      <Link href="/me" className="text-sm text-teal-800 underline">
        {t("me.back")}
      </Link>
      <h1 className="text-xl font-semibold">{t("me.editTitle", { channel: found.draft.channel.name })}</h1>
      {found.withdrawnOn && (
        <p className="rounded bg-slate-100 p-2 text-sm text-slate-700" data-testid="withdrawn-note">
          {t("report.withdrawnNote", { date: found.withdrawnOn })}
        </p>
      )}
      <EditReport
        draft={found.draft}
        mandates={found.mandates}
        requirers={await requirersOfMyUnit(actor)}
        messages={pickMessages(t, ["report.", "kind.", "action."])}
      />
      {found.draft.reportId && found.draft.version !== null && (
        <WithdrawForm
          reportId={found.draft.reportId}
          version={found.draft.version}
          today={beijingToday()}
          withdrawn={!!found.withdrawnOn}
          messages={pickMessages(t, ["report."])}
        />
      )}
    </div>
  );
}
