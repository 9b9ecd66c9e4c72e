import { NothingToPrint, PrintedDocument, PrintedTable } from "@/components/print/printed-document";
import { TitledSection } from "@/components/ui/titled-section";
import type { MessageKey } from "@/lib/i18n/messages";
import { printedDate } from "@/lib/review/documents/issuing-office";
import { getRegionCleanupReport } from "@/lib/review/documents/region-cleanup-report";
import { openDocument } from "../open-document";

const FIGURES = ["outstanding", "overdue", "cleaned", "hoursOutstanding", "hoursRemoved"] as const;

/** A region's clean-up report (清理整治情况通报), laid out for A4. */
export default async function RegionCleanupReportPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { actor, code, t, back } = await openDocument(searchParams, "region");
  const report = await getRegionCleanupReport(actor, code, t);
  if (!report) return <NothingToPrint back={back} message={t("doc.none")} />;
  const region = report.region?.name ?? t("doc.region.whole");
  const { totals } = report;
  const fewer = t("doc.unit.fewer", { n: report.minGroup });
  const figures = (f: typeof totals) => [
    f.outstanding,
    f.overdue,
    f.cleanedUp,
    f.hoursOutstanding ?? fewer,
    f.hoursRemoved ?? fewer,
  ];
  const figureColumns = FIGURES.map((c) => t(`doc.region.col.${c}`));
  return (
    <PrintedDocument
      id="region-report-title"
      title={t("doc.region.heading", { region })}
      back={back}
      t={t}
      issued={report}
    >
      <p className="indent-8">
        {t("doc.region.intro", {
          date: printedDate(report.date, t),
          region,
          units: report.units,
          cleaned: totals.cleanedUp,
          revoked: report.mandatesRevoked,
          outstanding: totals.outstanding,
          overdue: totals.overdue,
        })}
        {totals.hoursRemoved !== null && t("doc.region.removedHours", { hours: totals.hoursRemoved })}
        {totals.hoursOutstanding !== null && t("doc.region.openHours", { hours: totals.hoursOutstanding })}
      </p>
      <TitledSection id="region-parts" title={t("doc.region.byPart")} headingClassName="font-medium">
        <PrintedTable
          columns={[t("doc.region.col.part"), t("doc.region.col.units"), ...figureColumns]}
          rows={[
            ...report.byPart.map((p) => [p.name ?? t("doc.region.ownLevel"), p.units, ...figures(p)]),
            [t("doc.region.total"), report.units, ...figures(totals)],
          ]}
        />
      </TitledSection>
      <TitledSection id="region-kinds" title={t("doc.region.byKind")} headingClassName="font-medium">
        {report.byKind.length === 0 ? (
          <p>{t("doc.region.noFindings")}</p>
        ) : (
          <PrintedTable
            columns={[t("doc.region.col.kind"), ...figureColumns]}
            rows={[
              ...report.byKind.map((k) => [t(`flagKind.${k.kind}` as MessageKey), ...figures(k)]),
              [t("doc.region.total"), ...figures(totals)],
            ]}
          />
        )}
      </TitledSection>
      <TitledSection id="region-late" title={t("doc.region.late")} headingClassName="font-medium">
        {report.lateDepartments.length === 0 ? (
          <p>{t("doc.region.noLate")}</p>
        ) : (
          <PrintedTable
            columns={[t("doc.region.col.department"), t("doc.region.col.overdue"), t("doc.region.col.outstanding")]}
            rows={report.lateDepartments.map((d) => [d.name, d.overdue, d.outstanding])}
          />
        )}
      </TitledSection>
    </PrintedDocument>
  );
}
