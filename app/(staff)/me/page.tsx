import { requirePageUser } from "@/lib/auth/current-user";
import { Stat } from "@/components/ui/stat";
import { getTranslator } from "@/lib/i18n/server";
import { getMyBurden } from "@/lib/reports/list-my-reports";

export default async function MePage() {
  // Layouts and pages render concurrently: the page redirects or answers 403 itself too.
  await requirePageUser("me:view", "/me");
  const [t, burden] = await Promise.all([getTranslator(), getMyBurden()]);
  return (
    <section aria-labelledby="me-title" className="space-y-4">
      <h1 id="me-title" className="text-xl font-semibold">{t("me.title")}</h1>
      {burden.unitName && <p className="text-slate-700">{t("me.unit", { unit: burden.unitName })}</p>}
      <dl className="grid grid-cols-3 gap-2">
        <Stat label={t("me.channels")} value={burden.reports.length} />
        <Stat label={t("me.accounts")} value={burden.accounts} />
        <Stat label={t("me.hours")} value={burden.hoursPerWeek} />
      </dl>
      {burden.reports.length === 0 ? (
        <p>{t("me.none")}</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {burden.reports.map((r) => (
            <li key={r.id} className="flex items-center justify-between gap-2 px-3 py-2">
              <span className="font-medium">{r.channel}</span>
              <span className="text-sm text-slate-600 tabular-nums">
                {r.accounts} · {r.minutesPerWeek}′
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
