import { SectionNav } from "@/components/ui/section-nav";
import { requirePageActor } from "@/lib/auth/current-user";
import { pickMessages } from "@/lib/i18n/pick-messages";
import { getTranslator } from "@/lib/i18n/server";
import { listUnmappedRequirers } from "@/lib/reports/unmapped-requirers";
import { MapRequirerForm } from "./map-form";

export default async function RequirersPage() {
  const actor = await requirePageActor("admin:manage", "/admin/requirers");
  const [t, rows] = await Promise.all([getTranslator(), listUnmappedRequirers(actor)]);
  const messages = pickMessages(t, ["picker.", "requirers."]);
  return (
    <div className="space-y-4">
      <SectionNav area="admin" t={t} current="/admin/requirers" />
      <h1 className="text-xl font-semibold">{t("requirers.title")}</h1>
      <p className="text-sm text-slate-600">{t("requirers.help")}</p>
      {rows.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-4 text-slate-600">{t("requirers.empty")}</p>
      ) : (
        <ul className="space-y-3" aria-label={t("requirers.title")}>
          {rows.map((r, i) => (
            <li key={`${r.name}:${r.countyId}`} className="space-y-2 rounded-lg border border-slate-200 bg-white p-3">
              <p className="font-medium">“{r.name}”</p>
              <p className="text-sm text-slate-600">
                {t("requirers.where", {
                  county: r.countyName ?? t("requirers.noCounty"),
                  reports: r.reports,
                  reporters: r.reporters,
                })}
              </p>
              <MapRequirerForm row={r} index={i} messages={messages} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
