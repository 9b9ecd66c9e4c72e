import { TitledSection } from "@/components/ui/titled-section";
import { SectionNav } from "@/components/ui/section-nav";
import { requirePageActor } from "@/lib/auth/current-user";
import { IMPORT_KINDS } from "@/lib/imports/import-types";
import { pickMessages } from "@/lib/i18n/pick-messages";
import { getTranslator } from "@/lib/i18n/server";
import { ImportPanel } from "./import-panel";

export default async function ImportPage() {
  await requirePageActor("admin:manage", "/admin/import");
  const t = await getTranslator();
  return (
    <div className="space-y-6">
      <SectionNav area="admin" t={t} current="/admin/import" />
      <h1 className="text-xl font-semibold">{t("import.title")}</h1>
      <p className="max-w-3xl text-sm text-slate-700">{t("import.help")}</p>
      <ImportPanel messages={pickMessages(t, ["import."])} />
      <TitledSection id="export-title" title={t("export.title")} className="space-y-2" large>
        <ul>
          {IMPORT_KINDS.map((kind) => (
            <li key={kind} className="flex flex-wrap gap-x-3 gap-y-1 border-b border-slate-200 py-2">
              <span className="w-full sm:w-56">{t(`import.kind.${kind}`)}</span>
              <a href={`/api/admin/export/${kind}?format=csv`} className="text-teal-800 underline">
                {t("export.csv")}
              </a>
              <a href={`/api/admin/export/${kind}?format=xlsx`} className="text-teal-800 underline">
                {t("export.xlsx")}
              </a>
              <a href={`/api/admin/export/${kind}?format=json`} className="text-teal-800 underline">
                {t("export.json")}
              </a>
              <a href={`/api/admin/template/${kind}`} className="text-teal-800 underline">
                {t("import.template")}
              </a>
            </li>
          ))}
        </ul>
      </TitledSection>
    </div>
  );
}
