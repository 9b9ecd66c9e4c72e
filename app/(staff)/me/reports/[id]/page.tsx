import Link from "next/link";
import { notFound } from "next/navigation";
import { recordNumber } from "@/lib/validation/record-number";
import { requirePageActor } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors";
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
  // An id beyond the database's integers is no record of anyone's: 404, not 500 (finding 10 of issue 15).
  const parsedId = recordNumber(1).safeParse(id);
  if (!parsedId.success) notFound();
  const reportId = parsedId.data;
  const t = await getTranslator();
  let found;
  try {
    found = await getMyReport(actor, reportId);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
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
