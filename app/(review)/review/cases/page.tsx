import Link from "next/link";
import { ReviewNav } from "@/components/review/review-nav";
import { requirePageUser } from "@/lib/auth/current-user";
import { getTranslator } from "@/lib/i18n/server";
import { listReviewCases } from "@/lib/review/list-review-cases";
import { caseKinds, caseTitle } from "./case-title";

const PAGE_SIZE = 50;

export default async function CasesPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  await requirePageUser("review:view", "/review/cases");
  const [t, cases, { page: rawPage }] = await Promise.all([getTranslator(), listReviewCases(), searchParams]);
  const pages = Math.max(1, Math.ceil(cases.length / PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.trunc(Number(rawPage)) || 1), pages);
  const shown = cases.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const findings = cases.reduce((n, c) => n + c.findings, 0);
  return (
    <section aria-labelledby="cases-title" className="space-y-4">
      <h1 id="cases-title" className="text-xl font-semibold">{t("case.title")}</h1>
      <ReviewNav t={t} current="/review/cases" />
      <p className="text-sm text-slate-600">{t("case.help")}</p>
      <p className="text-sm text-slate-700" data-testid="case-count">{t("case.count", { cases: cases.length, findings, page, pages })}</p>
      {shown.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-4 text-slate-600">{t("case.empty")}</p>
      ) : (
        <ol className="space-y-2" aria-label={t("case.title")}>
          {shown.map((c) => (
            <li key={c.key}>
              <Link href={`/review/cases/${encodeURIComponent(c.key)}`} className="block space-y-1 rounded-lg border border-slate-200 bg-white p-3 hover:bg-slate-50">
                <span className="block font-medium">{caseTitle(t, c)}</span>
                <span className="block text-sm text-slate-600">{t("case.line", { findings: c.findings, kinds: caseKinds(t, c), hours: Math.round(c.burden / 6) / 10 })}</span>
              </Link>
            </li>
          ))}
        </ol>
      )}
      {pages > 1 && (
        <nav aria-label={t("case.pages")} className="flex justify-between text-sm">
          {page > 1 ? <Link href={`/review/cases?page=${page - 1}`} className="text-teal-800 underline">{t("case.prev")}</Link> : <span />}
          {page < pages ? <Link href={`/review/cases?page=${page + 1}`} className="text-teal-800 underline">{t("case.next")}</Link> : <span />}
        </nav>
      )}
    </section>
  );
}
