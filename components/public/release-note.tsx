import type { Translate } from "@/lib/i18n/messages";
import { beijingTime } from "@/lib/public/release-schedule";

/** When the figures on the page were released, and when the next release is (Beijing time, said so). */
export function ReleaseNote({
  releasedAt,
  nextReleaseAt,
  t,
}: {
  releasedAt: string;
  nextReleaseAt: string | null;
  t: Translate;
}) {
  return (
    <div className="space-y-1 text-sm text-slate-600" data-testid="release-note">
      <p>
        {t("public.released", { time: beijingTime(new Date(releasedAt)) })}
        {" · "}
        {nextReleaseAt
          ? t("public.nextRelease", { time: beijingTime(new Date(nextReleaseAt)) })
          : t("public.liveRelease")}
      </p>
      {nextReleaseAt && <p>{t("public.releaseNote")}</p>}
    </div>
  );
}
