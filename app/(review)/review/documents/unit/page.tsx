import { NothingToPrint, PrintedDocument, PrintedTable } from "@/components/print/printed-document";
import { TitledSection } from "@/components/ui/titled-section";
import type { MessageKey } from "@/lib/i18n/messages";
import { printedDate } from "@/lib/review/documents/issuing-office";
import { getUnitBurdenReport } from "@/lib/review/documents/unit-burden-report";
import { openDocument } from "../open-document";

/** A unit's burden report (负担情况报告), laid out for A4. */
export default async function UnitBurdenReportPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { actor, code, t, back } = await openDocument(searchParams, "unit");
  const report = code ? await getUnitBurdenReport(actor, code, t) : null;
  if (!report) return <NothingToPrint back={back} message={t("doc.none")} />;
  const { totals, minGroup } = report;
  const unitName = report.unit.parent ? `${report.unit.parent}${report.unit.name}` : report.unit.name;
  const fewer = t("doc.unit.fewer", { n: minGroup });
  return (
    <PrintedDocument
      id="unit-report-title"
      title={t("doc.unit.heading", { unit: unitName })}
      back={back}
      t={t}
      issued={report}
    >
      <p className="indent-8">
        {t("doc.unit.intro", {
          date: printedDate(report.date, t),
          unit: report.unit.name,
          channels: totals.channels,
          mandates: totals.mandates,
          issuers: totals.issuers,
        })}
        {totals.staff === 0
          ? t("doc.unit.noReports")
          : totals.staff === null
            ? t("doc.unit.peopleWithheld", { n: minGroup })
            : totals.hoursPerWeek === null
              ? t("doc.unit.peopleNoTotal", { staff: totals.staff })
              : t("doc.unit.people", {
                  staff: totals.staff,
                  hours: totals.hoursPerWeek,
                  accounts: totals.accounts ?? 0,
                })}
      </p>
      <TitledSection id="unit-channels" title={t("doc.unit.channels")} headingClassName="font-medium">
        {report.rows.length === 0 ? (
          <p>{t("doc.unit.empty")}</p>
        ) : (
          <PrintedTable
            columns={(["no", "channel", "kind", "requiredBy", "staff", "hours", "findings"] as const).map((c) =>
              t(`doc.unit.col.${c}`),
            )}
            rows={report.rows.map((r, i) => [
              i + 1,
              r.channel,
              t(`kind.${r.kind}` as MessageKey),
              r.requiredBy.length ? r.requiredBy.join("、") : t("doc.unit.noRequirer"),
              r.staff ?? fewer,
              r.hoursPerWeek ?? "—",
              r.findings,
            ])}
          />
        )}
      </TitledSection>
      <TitledSection id="unit-findings" title={t("doc.unit.findingsTitle")} headingClassName="font-medium">
        {report.findings.length + report.personFindings.length === 0 ? (
          <p>{t("doc.unit.noFindings")}</p>
        ) : (
          <PrintedTable
            columns={(["no", "kind", "finding", "status", "deadline"] as const).map((c) => t(`doc.col.${c}`))}
            nowrap={[1, 3, 4]}
            rows={[
              ...report.findings.map((f) => [
                t(`flagKind.${f.kind}` as MessageKey),
                f.explanation,
                t(`flagStatus.${f.status}` as MessageKey),
                f.deadline || "—",
              ]),
              ...report.personFindings.map((f) => [
                t(`flagKind.${f.kind}` as MessageKey),
                t("doc.unit.personFindings", { n: f.people }),
                "—",
                "—",
              ]),
            ].map((row, i) => [i + 1, ...row])}
          />
        )}
      </TitledSection>
    </PrintedDocument>
  );
}
