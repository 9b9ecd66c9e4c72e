import { requirePageUser } from "@/lib/auth/current-user";
import { Stat } from "@/components/ui/stat";
import { getTranslator } from "@/lib/i18n/server";
import { getReviewOverview } from "@/lib/review/get-review-overview";

export default async function ReviewPage() {
  // Layouts and pages render concurrently: the page redirects or answers 403 itself too.
  await requirePageUser("review:view", "/review");
  const [t, overview] = await Promise.all([getTranslator(), getReviewOverview()]);
  return (
    <section aria-labelledby="review-title" className="space-y-4">
      <h1 id="review-title" className="text-xl font-semibold">{t("review.title")}</h1>
      {overview.jurisdictionName && <p>{t("review.jurisdiction", { unit: overview.jurisdictionName })}</p>}
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <Stat label={t("review.units")} value={overview.units} />
        <Stat label={t("review.openFlags")} value={overview.openFlags} />
      </dl>
    </section>
  );
}
