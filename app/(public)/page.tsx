import { Stat } from "@/components/ui/stat";
import { getTranslator } from "@/lib/i18n/server";
import { getPublicSummary } from "@/lib/public/get-public-summary";

export default async function PublicPage() {
  const [t, summary] = await Promise.all([getTranslator(), getPublicSummary()]);
  const suppressed = t("public.suppressed");
  return (
    <section aria-labelledby="public-title" className="space-y-6">
      <div>
        <h1 id="public-title" className="text-2xl font-semibold">{t("public.title")}</h1>
        <p className="mt-2 max-w-3xl text-slate-700">{t("app.tagline")}</p>
      </div>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <Stat label={t("public.channels")} value={summary.channels} />
        <Stat label={t("public.units")} value={summary.units} />
        <Stat label={t("public.reporters")} value={summary.reporters} suppressedLabel={suppressed} />
        <Stat label={t("public.hours")} value={summary.hoursPerWeek} suppressedLabel={suppressed} />
      </dl>
      <p className="text-sm text-slate-600">
        {summary.updatedAt ? t("public.updated", { time: summary.updatedAt.slice(0, 16).replace("T", " ") + " UTC" }) : t("public.empty")}
      </p>
    </section>
  );
}
