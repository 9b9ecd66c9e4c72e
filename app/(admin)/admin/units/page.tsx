import { SearchBox } from "@/components/ui/search-box";
import Link from "next/link";
import { SectionNav } from "@/components/ui/section-nav";
import { requirePageActor } from "@/lib/auth/current-user";
import { pickMessages } from "@/lib/i18n/pick-messages";
import { getTranslator } from "@/lib/i18n/server";
import { Pager } from "@/components/ui/pager";
import { listUnitLevel, UNITS_PAGE } from "@/lib/units/manage-units";
import { CreateUnitForm, EditUnitForm } from "./unit-forms";

/** The unit tree one level at a time (a province has 100,000 units), with search by code or name. */
export default async function UnitsPage({
  searchParams,
}: {
  searchParams: Promise<{ parent?: string; q?: string; page?: string }>;
}) {
  const actor = await requirePageActor("admin:manage", "/admin/units");
  const [t, params] = await Promise.all([getTranslator(), searchParams]);
  const q = typeof params.q === "string" ? params.q : "";
  const { parent, trail, units, page, total } = await listUnitLevel(actor, params.parent, q, params.page);
  const messages = pickMessages(t, ["picker.", "units.", "level."]);
  const pages = Math.max(1, Math.ceil(total / UNITS_PAGE));
  const at = (p: number) =>
    `/admin/units?${new URLSearchParams({ ...(typeof params.parent === "string" && !q ? { parent: params.parent } : {}), ...(q ? { q } : {}), ...(p > 0 ? { page: String(p) } : {}) })}`;
  return (
    <div className="space-y-4">
      <SectionNav area="admin" t={t} current="/admin/units" />
      <h1 className="text-xl font-semibold">{t("units.title")}</h1>
      <nav aria-label={t("units.title")} className="flex flex-wrap gap-1 text-sm">
        <Link href="/admin/units" className="text-teal-800 underline">
          {t("units.top")}
        </Link>
        {trail.map((u) => (
          <span key={u.id}>
            {" "}
            /{" "}
            <Link href={`/admin/units?parent=${u.id}`} className="text-teal-800 underline">
              {u.name}
            </Link>
          </span>
        ))}
      </nav>
      <SearchBox id="unit-q" label={t("units.search")} value={q} maxLength={64} />
      <p className="text-sm text-slate-600" data-testid="unit-count">
        {t("units.count", { n: total, page: page + 1, pages })}
      </p>
      <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
        {units.map((u) => (
          <li key={u.id} className="space-y-1 p-3">
            <div className="flex flex-wrap items-baseline gap-2">
              <span className="font-mono text-xs text-slate-500" translate="no">
                {u.code}
              </span>
              <span className="font-medium">{u.name}</span>
              {q && u.parentName && (
                <span className="text-xs text-slate-500">{t("units.under", { parent: u.parentName })}</span>
              )}
              <span className="text-xs text-slate-500">{t(`level.${u.level}`)}</span>
              {u.retired && <span className="rounded bg-slate-200 px-1 text-xs">{t("units.retired")}</span>}
              {u.children > 0 && (
                <Link href={`/admin/units?parent=${u.id}`} className="text-sm text-teal-800 underline">
                  {t("units.children", { n: u.children })}
                </Link>
              )}
            </div>
            <EditUnitForm unit={u} messages={messages} />
          </li>
        ))}
      </ul>
      <Pager label={t("units.pages")} page={page} pages={pages} at={at} t={t} />
      <CreateUnitForm parent={parent} messages={messages} />
    </div>
  );
}
