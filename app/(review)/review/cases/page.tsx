import { SearchBox } from "@/components/ui/search-box";
import Link from "next/link";
import { Pager } from "@/components/ui/pager";
import { ReviewSection } from "@/components/review/review-section";
import { requirePageActor } from "@/lib/auth/current-user";
import { getTranslator } from "@/lib/i18n/server";
import { CASE_SHOWS, listReviewCases, type CaseShow } from "@/lib/review/list-review-cases";
import { caseLine, caseTitle } from "./case-title";

const PAGE_SIZE = 50;

export default async function CasesPage({
  searchParams,
}: {
  searchParams: Promise<{ page?: string; show?: string; q?: string }>;
}) {
  const actor = await requirePageActor("review:view", "/review/cases");
  const { page: rawPage, show: rawShow, q: rawQ } = await searchParams;
  const q = typeof rawQ === "string" ? rawQ.slice(0, 50) : "";
  const show: CaseShow = (CASE_SHOWS as readonly string[]).includes(rawShow ?? "") ? (rawShow as CaseShow) : "all";
  const [t, cases] = await Promise.all([getTranslator(), listReviewCases(actor, show, q)]);
  const at = (p: number) =>
    `/review/cases?${new URLSearchParams({ ...(show !== "all" ? { show } : {}), ...(q ? { q } : {}), ...(p > 1 ? { page: String(p) } : {}) })}`;
  const pages = Math.max(1, Math.ceil(cases.length / PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.trunc(Number(rawPage)) || 1), pages);
  const shown = cases.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const findings = cases.reduce((n, c) => n + c.findings, 0);
  return (
    <ReviewSection id="cases-title" title={t("case.title")} t={t} current="/review/cases" help={t("case.help")}>
      <nav aria-label={t("case.show")} className="flex flex-wrap gap-2 text-sm">
        {CASE_SHOWS.map((s) => (
          <Link
            key={s}
            href={`/review/cases?${new URLSearchParams({ ...(s !== "all" ? { show: s } : {}), ...(q ? { q } : {}) })}`}
            aria-current={s === show ? "page" : undefined}
            className={`rounded-full border px-3 py-1 ${s === show ? "border-teal-700 bg-teal-700 text-white" : "border-slate-300 bg-white text-slate-700"}`}
          >
            {t(`case.show.${s}`)}
          </Link>
        ))}
      </nav>
      <SearchBox
        id="case-q"
        action="/review/cases"
        keep={{ show: show !== "all" ? show : undefined }}
        label={t("case.search")}
        placeholder={t("case.searchHint")}
        value={q}
        maxLength={50}
      />
      <p className="text-sm text-slate-700" data-testid="case-count">
        {t("case.count", { cases: cases.length, findings, page, pages })}
      </p>
      {shown.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-4 text-slate-600">{t("case.empty")}</p>
      ) : (
        <ol className="space-y-2" aria-label={t("case.title")}>
          {shown.map((c) => (
            <li key={c.key}>
              <Link
                href={`/review/cases/${encodeURIComponent(c.key)}`}
                className="block space-y-1 rounded-lg border border-slate-200 bg-white p-3 hover:bg-slate-50"
              >
                <span className="block font-medium">{caseTitle(t, c)}</span>
                <span className="block text-sm text-slate-600">{caseLine(t, c)}</span>
                <span className={`block text-xs ${c.owner ? "text-teal-800" : "text-slate-500"}`}>
                  {c.owner ? t("case.owner", { name: c.owner.name }) : t("case.unowned")}
                </span>
              </Link>
            </li>
          ))}
        </ol>
      )}
      <Pager label={t("case.pages")} page={page} pages={pages} at={at} first={1} t={t} />
    </ReviewSection>
  );
}
