import Link from "next/link";
import { Pager } from "@/components/ui/pager";
import { SectionNav } from "@/components/ui/section-nav";
import { requirePageActor } from "@/lib/auth/current-user";
import { CATALOGUE_PAGE, listCatalogue } from "@/lib/channels/manage-channels";
import type { MessageKey } from "@/lib/i18n/messages";
import { getTranslator } from "@/lib/i18n/server";
import { CHANNEL_KINDS, PURPOSES } from "@/lib/vocabulary";
import { ListTable } from "@/components/ui/list-table";

type Params = { q?: string; status?: string; kind?: string; purpose?: string; proposed?: string; page?: string };
const one = (v: unknown) => (typeof v === "string" ? v.slice(0, 64) : "");

/** The catalogue as a table with search and filters; each channel is edited on its own page. */
export default async function ChannelsPage({ searchParams }: { searchParams: Promise<Params> }) {
  const actor = await requirePageActor("admin:manage", "/admin/channels");
  const [t, params] = await Promise.all([getTranslator(), searchParams]);
  const filters = {
    q: one(params.q),
    status: one(params.status),
    kind: one(params.kind),
    purpose: one(params.purpose),
    proposed: params.proposed === "1" ? "1" : "",
  };
  const page = Math.min(Math.max(0, Math.trunc(Number(params.page)) || 0), 100_000);
  const { entries, total } = await listCatalogue(actor, { ...filters, proposed: filters.proposed === "1", page });
  const pages = Math.max(1, Math.ceil(total / CATALOGUE_PAGE));
  const kept = Object.fromEntries(Object.entries(filters).filter(([, v]) => v));
  const at = (p: number) =>
    `/admin/channels?${new URLSearchParams({ ...kept, ...(p > 0 ? { page: String(p) } : {}) })}`;
  const select = (name: "status" | "kind" | "purpose", values: readonly string[], word: (v: string) => string) => (
    <label className="flex flex-col gap-1">
      {t(`catalogue.${name}`)}
      <select name={name} defaultValue={filters[name]} className="rounded border border-slate-300 bg-white px-2 py-2">
        <option value="">{t("catalogue.any")}</option>
        {values.map((v) => (
          <option key={v} value={v}>
            {word(v)}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <div className="space-y-4">
      <SectionNav area="admin" t={t} current="/admin/channels" />
      <h1 className="text-xl font-semibold">{t("catalogue.title")}</h1>
      <form
        role="search"
        aria-label={t("catalogue.filter")}
        className="grid gap-2 rounded-lg border border-slate-200 bg-white p-3 text-sm sm:grid-cols-[2fr_1fr_1fr_1fr_auto] sm:items-end"
      >
        <label className="flex flex-col gap-1">
          {t("catalogue.search")}
          <input
            name="q"
            defaultValue={filters.q}
            maxLength={64}
            placeholder={t("catalogue.searchHint")}
            className="rounded border border-slate-300 px-2 py-2"
          />
        </label>
        {select("status", ["active", "retired", "merged"], (v) => t(`catalogue.status.${v}` as MessageKey))}
        {select("kind", CHANNEL_KINDS, (v) => t(`kind.${v}` as MessageKey))}
        {select("purpose", PURPOSES, (v) => t(`purpose.${v}` as MessageKey))}
        <button className="rounded bg-teal-700 px-3 py-2 text-white">{t("catalogue.apply")}</button>
        <label className="flex items-center gap-2 sm:col-span-5">
          <input
            type="checkbox"
            name="proposed"
            value="1"
            defaultChecked={filters.proposed === "1"}
            className="h-4 w-4"
          />{" "}
          {t("catalogue.proposed")}
        </label>
      </form>
      <p className="text-sm text-slate-600" data-testid="catalogue-count">
        {t("catalogue.count", { n: total, page: page + 1, pages })}
      </p>
      <ListTable headers={(["name", "kind", "purpose", "status", "use"] as const).map((c) => t(`catalogue.${c}`))}>
        {entries.map((c) => (
          <tr key={c.id} className="border-b align-top">
            <td className="p-2">
              <Link href={`/admin/channels/${c.id}`} className="font-medium text-teal-800 underline">
                {c.name}
              </Link>
              {c.pending && (
                <span className="ml-2 rounded bg-amber-100 px-1 text-xs">{t("catalogue.pendingBadge")}</span>
              )}
              {c.aliases.length > 0 && (
                <span className="block text-xs text-slate-600">
                  {t("catalogue.aliases", { aliases: c.aliases.join("、") })}
                </span>
              )}
            </td>
            <td className="p-2">{t(`kind.${c.kind}` as MessageKey)}</td>
            <td className="p-2">{t(`purpose.${c.purpose}` as MessageKey)}</td>
            <td className="p-2">{t(`catalogue.status.${c.status}` as MessageKey)}</td>
            <td className="p-2">{t("catalogue.usage", { mandates: c.mandates, reports: c.reports })}</td>
          </tr>
        ))}
      </ListTable>
      <Pager label={t("catalogue.pages")} page={page} pages={pages} at={at} t={t} />
    </div>
  );
}
