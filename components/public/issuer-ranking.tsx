import type { IssuerFigures } from "@/lib/public/build-snapshot";
import type { Translate } from "@/lib/i18n/messages";
import type { ReactNode } from "react";
import { BarChart } from "./bar-chart";

/**
 * The departments acting in a region, ranked by the hours a week they impose there: a chart of the
 * first ten, and all of them as a table, a page (`shown`) at a time with its `pager`; the table is
 * open when a later page was asked for.
 */
export function IssuerRanking({
  issuers,
  shown,
  open,
  pager,
  regionName,
  t,
}: {
  issuers: IssuerFigures[];
  shown: IssuerFigures[];
  open: boolean;
  pager: ReactNode;
  regionName: string;
  t: Translate;
}) {
  if (issuers.length === 0) return <p className="text-sm text-slate-600">{t("public.noIssuers")}</p>;
  const withheld = t("public.suppressed");
  const label = (i: IssuerFigures) => (i.region ? `${i.name}（${i.region}）` : i.name);
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600">{t("public.issuersIn", { region: regionName })}</p>
      <BarChart
        id="issuers-chart"
        title={t("public.issuersChart")}
        bars={issuers.slice(0, 10).map((i) => ({ label: i.name, value: i.hoursPerWeek }))}
        unit={t("public.hoursUnit")}
        withheld={withheld}
        tableLabel={t("public.asTable")}
      />
      <details className="space-y-2 text-sm" open={open}>
        <summary className="cursor-pointer text-teal-800">{t("public.issuersAll", { n: issuers.length })}</summary>
        <div className="mt-1 overflow-x-auto">
          <table className="min-w-full bg-white">
            <caption className="sr-only">{t("public.issuers")}</caption>
            <thead>
              <tr className="text-left">
                {(["issuer", "mandates", "units", "hours"] as const).map((c, i) => (
                  <th key={c} scope="col" className={i ? "px-2 py-1 text-right" : "px-2 py-1"}>
                    {t(`public.col.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {shown.map((i) => (
                <tr key={i.code} className="border-t border-slate-200">
                  <th scope="row" className="px-2 py-1 text-left font-normal">
                    {label(i)}
                  </th>
                  <td className="px-2 py-1 text-right tabular-nums">{i.mandates.toLocaleString()}</td>
                  <td className="px-2 py-1 text-right tabular-nums">{i.unitsTargeted.toLocaleString()}</td>
                  <td className="px-2 py-1 text-right tabular-nums">
                    {i.hoursPerWeek === null ? t("public.withheldShort") : i.hoursPerWeek.toLocaleString()}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {pager}
      </details>
    </div>
  );
}
