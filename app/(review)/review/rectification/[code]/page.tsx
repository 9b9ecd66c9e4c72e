import Link from "next/link";
import { PrintButton } from "@/components/ui/print-button";
import { TitledSection } from "@/components/ui/titled-section";
import { requirePageActor } from "@/lib/auth/current-user";
import { getTranslator } from "@/lib/i18n/server";
import { getRectificationNotice } from "@/lib/review/rectification-notice";
import { searchTerm } from "@/lib/validation/search-term";

/** A rectification notice (整改通知书) to one issuing department, laid out for an A4 page. */
export default async function RectificationNoticePage({ params }: { params: Promise<{ code: string }> }) {
  const raw = (await params).code;
  const actor = await requirePageActor("review:view", `/review/rectification/${encodeURIComponent(raw)}`);
  let code = "";
  try {
    code = searchTerm(decodeURIComponent(raw), 64);
  } catch {
    // an address with a broken escape names no department
  }
  const t = await getTranslator();
  const notice = code ? await getRectificationNotice(actor, code, t) : null;
  const back = (
    <Link href="/review/rectification" className="text-sm text-teal-800 underline print:hidden">
      {t("notice.back")}
    </Link>
  );
  if (!notice)
    return (
      <section className="space-y-4">
        {back}
        <p className="rounded-lg border border-slate-200 bg-white p-4 text-slate-600">{t("notice.none")}</p>
      </section>
    );
  const [y, m, d] = notice.date.split("-").map(Number) as [number, number, number];
  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between gap-3 print:hidden">
        {back}
        <PrintButton label={t("notice.print")} />
      </div>
      <article
        aria-labelledby="notice-title"
        className="notice mx-auto max-w-[210mm] space-y-5 bg-white p-6 leading-relaxed text-black sm:p-12 print:p-0"
      >
        <h1 id="notice-title" className="text-center text-2xl font-bold tracking-widest">
          {t("notice.title")}
        </h1>
        <p className="font-medium">{t("notice.to", { issuer: notice.issuer.name })}</p>
        <p className="indent-8">{t("notice.body", { office: notice.office })}</p>
        <table className="w-full border-collapse text-sm">
          <thead>
            <tr>
              {(["no", "item", "deadline", "rules"] as const).map((c) => (
                <th key={c} scope="col" className="whitespace-nowrap border border-black px-2 py-1 text-left">
                  {t(`notice.col.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {notice.items.map((item, i) => (
              <tr key={item.id} className="break-inside-avoid align-top">
                <td className="border border-black px-2 py-1">{i + 1}</td>
                <td className="border border-black px-2 py-1">{item.explanation}</td>
                <td className="whitespace-nowrap border border-black px-2 py-1">
                  {item.deadline || t("notice.noDeadline")}
                </td>
                <td className="border border-black px-2 py-1">
                  {item.rules.length ? item.rules.map((r) => r.article).join("；") : t("notice.noRules")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {notice.rules.length > 0 && (
          <TitledSection
            id="notice-rules"
            title={t("notice.rulesTitle")}
            className="space-y-1 text-sm"
            headingClassName="font-medium"
          >
            <ol className="list-decimal space-y-1 pl-6">
              {notice.rules.map((r) => (
                <li key={r.id}>
                  {r.source}：{r.article}
                </li>
              ))}
            </ol>
          </TitledSection>
        )}
        <div className="break-inside-avoid pt-8 text-right">
          <p>{notice.office}</p>
          <p>{t("notice.date", { y, m, d })}</p>
        </div>
      </article>
    </div>
  );
}
