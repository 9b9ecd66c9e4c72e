import { SearchBox } from "@/components/ui/search-box";
import Link from "next/link";
import { Pager } from "@/components/ui/pager";
import { ReviewSection } from "@/components/review/review-section";
import { requirePageActor } from "@/lib/auth/current-user";
import type { MessageKey } from "@/lib/i18n/messages";
import { getTranslator } from "@/lib/i18n/server";
import { listMandates, MANDATE_VIEWS, PAGE_SIZE, type MandateView } from "@/lib/mandates/list-mandates";
import { searchTerm } from "@/lib/validation/search-term";
import { mandateStanding } from "./mandate-terms";

type Search = { view?: string; q?: string; page?: string };

export default async function MandatesPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requirePageActor("mandate:manage", "/review/mandates");
  const params = await searchParams;
  const view: MandateView = (MANDATE_VIEWS as readonly string[]).includes(params.view ?? "")
    ? (params.view as MandateView)
    : "active";
  const q = searchTerm(params.q);
  const page = Math.min(Math.max(1, Math.floor(Number(params.page)) || 1), 100_000);
  const [t, list] = await Promise.all([getTranslator(), listMandates(actor, { view, q, page })]);
  const pages = Math.max(1, Math.ceil(list.total / PAGE_SIZE));
  const href = (p: Partial<{ view: string; page: number }>) =>
    `/review/mandates?${new URLSearchParams({ view: p.view ?? view, ...(q ? { q } : {}), page: String(p.page ?? 1) })}`;
  return (
    <ReviewSection
      id="mandates-title"
      title={t("mandate.title")}
      t={t}
      current="/review/mandates"
      help={t("mandate.help")}
    >
      <div className="flex flex-wrap items-center gap-2">
        <Link href="/review/mandates/new" className="rounded bg-teal-700 px-3 py-2 text-sm font-medium text-white">
          {t("mandate.new")}
        </Link>
        {list.pending > 0 && view !== "pending" && (
          <Link href={href({ view: "pending" })} className="rounded bg-amber-100 px-3 py-2 text-sm text-amber-900">
            {t("mandate.pendingCount", { n: list.pending })}
          </Link>
        )}
      </div>
      <nav aria-label={t("mandate.viewsLabel")} className="flex flex-wrap gap-2 text-sm">
        {MANDATE_VIEWS.map((v) => (
          <Link
            key={v}
            href={href({ view: v })}
            aria-current={v === view ? "page" : undefined}
            className={
              v === view
                ? "rounded-full bg-slate-800 px-3 py-1 text-white"
                : "rounded-full border border-slate-300 px-3 py-1"
            }
          >
            {t(`mandate.view.${v}` as MessageKey)}
          </Link>
        ))}
      </nav>
      <SearchBox
        id="mandate-q"
        keep={{ view }}
        label={t("mandate.searchLabel")}
        value={q}
        maxLength={64}
        button={t("mandate.searchButton")}
      />
      <p className="text-sm text-slate-600" data-testid="mandate-count">
        {t("mandate.count", { n: list.total, page, pages })}
      </p>
      {list.rows.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-4 text-slate-600">{t("mandate.empty")}</p>
      ) : (
        <ul
          className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white"
          aria-label={t("mandate.title")}
        >
          {list.rows.map((m) => (
            <li key={m.id}>
              <Link href={`/review/mandates/${m.id}`} className="block space-y-0.5 px-3 py-2.5 hover:bg-slate-50">
                <span className="font-medium">
                  {t("mandate.line", {
                    issuer: m.issuer.name,
                    channel: m.channel.name,
                    unit: m.target.name + (m.appliesToSubtree ? t("mandate.andBelow") : ""),
                  })}
                </span>
                <span className="block text-sm text-slate-600">
                  {m.actions.map((a) => t(`action.${a}` as MessageKey)).join("、")} · {mandateStanding(t, m)}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <Pager label={t("mandate.pagesLabel")} page={page} pages={pages} at={(n) => href({ page: n })} first={1} t={t} />
    </ReviewSection>
  );
}
