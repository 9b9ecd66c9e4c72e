import { requirePageActor } from "@/lib/auth/current-user";
import { SectionNav } from "@/components/ui/section-nav";
import { Stat } from "@/components/ui/stat";
import { getTranslator } from "@/lib/i18n/server";
import { countRecords } from "@/lib/admin/count-records";

export default async function AdminPage() {
  // Layouts and pages render concurrently: the page redirects or answers 403 itself too.
  const actor = await requirePageActor("admin:view", "/admin");
  const [t, counts] = await Promise.all([getTranslator(), countRecords(actor)]);
  return (
    <section aria-labelledby="admin-title" className="space-y-4">
      <SectionNav area="admin" t={t} current="/admin" />
      <h1 id="admin-title" className="text-xl font-semibold">
        {t("admin.title")}
      </h1>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3">
        <Stat label={t("admin.units")} value={counts.units} />
        <Stat label={t("admin.users")} value={counts.users} />
        <Stat label={t("admin.channels")} value={counts.channels} />
        <Stat label={t("admin.mandates")} value={counts.mandates} />
        <Stat label={t("admin.reports")} value={counts.reports} />
        <Stat label={t("admin.audit")} value={counts.audit} />
      </dl>
    </section>
  );
}
