import Link from "next/link";
import { Stat } from "@/components/ui/stat";
import { TitledSection } from "@/components/ui/titled-section";
import { requirePageActor } from "@/lib/auth/current-user";
import { pickMessages } from "@/lib/i18n/pick-messages";
import { getTranslator } from "@/lib/i18n/server";
import { getMyBurden } from "@/lib/reports/get-my-burden";
import { getRequiredOfMyUnit } from "@/lib/reports/required-of-my-unit";
import { requirersOfMyUnit } from "@/lib/reports/my-requirers";
import { ReportComposer } from "./report-composer";

export default async function MePage() {
  // Layouts and pages render concurrently: the page redirects or answers 403 itself too.
  const actor = await requirePageActor("me:view", "/me");
  const [t, burden, required, requirers] = await Promise.all([
    getTranslator(),
    getMyBurden(actor),
    getRequiredOfMyUnit(actor),
    requirersOfMyUnit(actor),
  ]);
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">{t("me.title")}</h1>
      {burden.unitName && <p className="text-slate-700">{t("me.unit", { unit: burden.unitName })}</p>}
      <TitledSection id="burden-title" title={t("me.summaryTitle")} className="space-y-2" headingClassName="sr-only">
        <dl className="grid grid-cols-3 gap-2">
          <Stat label={t("me.channels")} value={burden.reports.length} />
          <Stat label={t("me.accounts")} value={burden.accounts} />
          <Stat label={t("me.hours")} value={burden.hoursPerWeek} />
        </dl>
        <p className="text-sm text-slate-600" data-testid="unit-compare">
          {burden.unit
            ? t("me.compare", { channels: burden.unit.channels, hours: burden.unit.hoursPerWeek })
            : t("me.compareSuppressed", { n: burden.minReporters })}
        </p>
      </TitledSection>
      <ReportComposer
        messages={pickMessages(t, ["me.", "report.", "kind.", "action."])}
        required={required.toConfirm}
        setAside={required.setAside}
        requirers={requirers}
      />
      {burden.reports.length === 0 ? (
        <p>{t("me.none")}</p>
      ) : (
        <ul
          className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white"
          aria-label={t("me.channels")}
        >
          {burden.reports.map((r) => (
            <li key={r.id}>
              <Link href={`/me/reports/${r.id}`} className="flex items-center justify-between gap-2 px-3 py-2.5">
                <span className="font-medium">{r.channel}</span>
                <span className="text-sm text-slate-600 tabular-nums">
                  {t("me.reportFigures", { accounts: r.accounts, minutes: r.minutesPerWeek })} · {t("me.edit")}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {burden.withdrawn.length > 0 && (
        <TitledSection
          id="withdrawn-title"
          title={t("me.withdrawnTitle")}
          className="space-y-1"
          headingClassName="text-sm font-medium text-slate-700"
        >
          <p className="text-xs text-slate-600">{t("me.withdrawnRestore")}</p>
          <ul
            className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-slate-50 text-sm"
            aria-label={t("me.withdrawnTitle")}
          >
            {burden.withdrawn.map((r) => (
              <li key={r.id}>
                <Link href={`/me/reports/${r.id}`} className="flex justify-between gap-2 px-3 py-2 text-slate-600">
                  <span>{r.channel}</span>
                  <span>
                    {r.elsewhere
                      ? t("me.closedOnMove", { unit: r.elsewhere, date: r.withdrawnOn })
                      : t("me.withdrawnOn", { date: r.withdrawnOn })}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </TitledSection>
      )}
    </div>
  );
}
