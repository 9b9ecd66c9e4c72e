import { SectionNav } from "@/components/ui/section-nav";
import { requirePageActor } from "@/lib/auth/current-user";
import { pickMessages } from "@/lib/i18n/pick-messages";
import { getTranslator } from "@/lib/i18n/server";
import { getThresholds } from "@/lib/settings/thresholds";
import { getPublicSnapshot } from "@/lib/public/public-snapshot";
import { beijingTime } from "@/lib/public/release-schedule";
import { ReleaseForm } from "./release-form";
import { ThresholdsForm } from "./thresholds-form";

export default async function SettingsPage() {
  await requirePageActor("admin:manage", "/admin/settings");
  const [t, thresholds, release] = await Promise.all([getTranslator(), getThresholds(), getPublicSnapshot()]);
  const released = t("settings.release.current", {
    time: beijingTime(new Date(release.releasedAt)),
    next: release.nextReleaseAt ? beijingTime(new Date(release.nextReleaseAt)) : t("settings.release.live"),
  });
  return (
    <div className="space-y-4">
      <SectionNav area="admin" t={t} current="/admin/settings" />
      <h1 className="text-xl font-semibold">{t("settings.title")}</h1>
      <p className="text-sm text-slate-700">{t("settings.help")}</p>
      <ReleaseForm key={release.releasedAt} released={released} messages={pickMessages(t, ["settings.release."])} />
      <ThresholdsForm
        key={thresholds.updatedAt ?? "defaults"}
        values={thresholds.values}
        loadedAt={thresholds.updatedAt ?? ""}
        messages={pickMessages(t, ["settings."])}
      />
    </div>
  );
}
