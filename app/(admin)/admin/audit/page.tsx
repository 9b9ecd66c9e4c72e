import Link from "next/link";
import { SectionNav } from "@/components/ui/section-nav";
import { AUDIT_KINDS, describeAction, describeChange } from "@/lib/audit/describe-audit";
import { AUDIT_PAGE, listAudit, type AuditQuery } from "@/lib/audit/list-audit";
import { requirePageActor } from "@/lib/auth/current-user";
import { beijingDateTime } from "@/lib/dates/calendar-day";
import { getTranslator } from "@/lib/i18n/server";

const FILTERS = ["who", "kind", "from", "to", "entity", "entityId"] as const;

/** The audit log in sentences: who did what to which record, and what changed; an import is one entry with a download of its rows. */
export default async function AuditPage({ searchParams }: { searchParams: Promise<AuditQuery> }) {
  const actor = await requirePageActor("admin:manage", "/admin/audit");
  const [t, params] = await Promise.all([getTranslator(), searchParams]);
  const str = (v: unknown) => (typeof v === "string" ? v.slice(0, 64) : "");
  const query = Object.fromEntries(FILTERS.map((f) => [f, str(params[f])])) as Record<(typeof FILTERS)[number], string>;
  const rows = await listAudit(actor, { ...query, before: str(params.before) });
  const kept = Object.fromEntries(Object.entries(query).filter(([, v]) => v));
  const older =
    rows.length === AUDIT_PAGE ? `/admin/audit?${new URLSearchParams({ ...kept, before: rows.at(-1)!.id })}` : null;
  const field = "rounded border border-slate-300 bg-white px-2 py-2";
  return (
    <div className="space-y-4">
      <SectionNav area="admin" t={t} current="/admin/audit" />
      <h1 className="text-xl font-semibold">{t("audit.title")}</h1>
      <p className="text-sm text-slate-700">{t("audit.help")}</p>
      <form
        className="grid gap-2 rounded-lg border border-slate-200 bg-white p-3 text-sm sm:grid-cols-[2fr_1fr_1fr_1fr_auto] sm:items-end"
        role="search"
        aria-label={t("audit.filter")}
      >
        {query.entity && <input type="hidden" name="entity" value={query.entity} />}
        {query.entityId && <input type="hidden" name="entityId" value={query.entityId} />}
        <label className="flex flex-col gap-1">
          {t("audit.who")}
          <input name="who" defaultValue={query.who} maxLength={64} className={field} />
        </label>
        <label className="flex flex-col gap-1">
          {t("audit.kind")}
          <select name="kind" defaultValue={query.kind} className={field}>
            <option value="">{t("audit.kindAny")}</option>
            {AUDIT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`audit.kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          {t("audit.from")}
          <input name="from" type="date" defaultValue={query.from} className={field} />
        </label>
        <label className="flex flex-col gap-1">
          {t("audit.to")}
          <input name="to" type="date" defaultValue={query.to} className={field} />
        </label>
        <button className="rounded bg-teal-700 px-3 py-2 text-white">{t("audit.filter")}</button>
      </form>
      <ol className="space-y-2" aria-label={t("audit.title")} data-testid="audit-entries">
        {rows.map((r) => {
          const change = describeChange(t, r);
          const imported = r.entity === "import" ? ((r.after ?? {}) as { created?: number; updated?: number }) : null;
          return (
            <li key={r.id} className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
              <p className="text-xs text-slate-500">
                {beijingDateTime(r.at)} ·{" "}
                {r.actor ? (
                  <>
                    {r.actor.name} <span translate="no">{r.actor.login}</span>
                  </>
                ) : (
                  t("audit.system")
                )}
              </p>
              <p className="font-medium">{describeAction(t, r, r.name)}</p>
              {change && <p className="break-words text-slate-700">{change}</p>}
              {imported && (imported.created ?? 0) + (imported.updated ?? 0) > 0 && (
                <a href={`/api/admin/audit/${r.id}`} className="text-teal-800 underline">
                  {t("audit.download", { n: (imported.created ?? 0) + (imported.updated ?? 0) })}
                </a>
              )}
            </li>
          );
        })}
      </ol>
      {older && (
        <Link href={older} className="text-sm text-teal-800 underline">
          {t("audit.older")}
        </Link>
      )}
    </div>
  );
}
