import Link from "next/link";
import { ReviewSection } from "@/components/review/review-section";
import { requirePageActor } from "@/lib/auth/current-user";
import { getTranslator } from "@/lib/i18n/server";
import { listRectification } from "@/lib/review/list-rectification";

export default async function RectificationPage() {
  const actor = await requirePageActor("review:view", "/review/rectification");
  const t = await getTranslator();
  const groups = await listRectification(actor, t);
  return (
    <ReviewSection
      id="rect-title"
      title={t("review.rect.title")}
      t={t}
      current="/review/rectification"
      help={t("review.rect.help")}
    >
      {groups.length === 0 && (
        <p className="rounded-lg border border-slate-200 bg-white p-4 text-slate-600">{t("review.rect.empty")}</p>
      )}
      {groups.map((g) => (
        <section
          key={g.issuer.code}
          aria-label={g.issuer.name}
          className="space-y-2 rounded-lg border border-slate-200 bg-white p-3"
        >
          <h2 className="font-semibold">
            {g.issuer.name} <span className="text-sm font-normal text-slate-600">({g.issuer.code})</span>
          </h2>
          <p className="text-sm">
            {t("review.rect.counts", { outstanding: g.outstanding.length, overdue: g.overdue, resolved: g.resolved })}
          </p>
          {g.outstanding.length > 0 && (
            <Link
              href={`/review/rectification/${encodeURIComponent(g.issuer.code)}`}
              className="inline-block text-sm text-teal-800 underline"
            >
              {t("notice.link")}
            </Link>
          )}
          <ul className="space-y-1 text-sm">
            {g.outstanding.map((item) => (
              <li key={item.id} className="flex flex-wrap gap-2">
                <span className={item.overdue ? "rounded bg-red-700 px-1.5 text-white" : "rounded bg-slate-100 px-1.5"}>
                  {item.overdue
                    ? t("review.rect.overdue", { deadline: item.deadline })
                    : t("review.rect.due", { deadline: item.deadline })}
                </span>
                <Link href={`/review/flags/${item.id}`} className="break-words text-teal-800 underline">
                  {item.explanation}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </ReviewSection>
  );
}
