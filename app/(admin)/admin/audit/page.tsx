import Link from "next/link";
import { AdminNav } from "@/components/admin-nav";
import { listAudit } from "@/lib/audit/list-audit";
import { actorFromUser } from "@/lib/auth/actor";
import { requirePageUser } from "@/lib/auth/current-user";
import { getTranslator } from "@/lib/i18n/server";

const show = (v: unknown) => (v === null || v === undefined ? "" : JSON.stringify(v));

export default async function AuditPage({ searchParams }: { searchParams: Promise<{ entity?: string; entityId?: string; before?: string }> }) {
  const user = await requirePageUser("admin:manage", "/admin/audit");
  const [t, params] = await Promise.all([getTranslator(), searchParams]);
  const str = (v: unknown) => (typeof v === "string" ? v : "");
  const rows = await listAudit(actorFromUser(user), { entity: str(params.entity), entityId: str(params.entityId), before: str(params.before) });
  const older = rows.length === 100 ? `/admin/audit?${new URLSearchParams({ entity: str(params.entity), entityId: str(params.entityId), before: rows.at(-1)!.id })}` : null;
  return (
    <div className="space-y-4">
      <AdminNav t={t} current="/admin/audit" />
      <h1 className="text-xl font-semibold">{t("audit.title")}</h1>
      <p className="text-sm text-slate-700">{t("audit.help")}</p>
      <form className="flex flex-wrap items-end gap-2 text-sm">
        <label>{t("audit.entity")} <input name="entity" defaultValue={str(params.entity)} maxLength={40} className="ml-1 rounded border border-slate-300 px-2 py-1" /></label>
        <label>{t("audit.entityId")} <input name="entityId" defaultValue={str(params.entityId)} maxLength={40} className="ml-1 w-24 rounded border border-slate-300 px-2 py-1" /></label>
        <button className="rounded border border-slate-300 px-3 py-1">{t("audit.filter")}</button>
      </form>
      <div className="overflow-x-auto">
        <table className="w-full min-w-[720px] border-collapse bg-white text-xs">
          <thead>
            <tr className="border-b text-left">
              <th className="p-2">{t("audit.at")}</th><th className="p-2">{t("audit.actor")}</th><th className="p-2">{t("audit.action")}</th><th className="p-2">{t("audit.entity")}</th><th className="p-2">{t("audit.change")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className="border-b align-top">
                <td className="whitespace-nowrap p-2">{r.at.slice(0, 19).replace("T", " ")}</td>
                <td className="p-2">{r.actor ?? t("audit.system")}</td>
                <td className="p-2 font-mono">{r.action}</td>
                <td className="p-2">{r.entity} {r.entityId}</td>
                <td className="max-w-md break-all p-2 font-mono">{show(r.before)}{r.before ? " → " : ""}{show(r.after)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {older && <Link href={older} className="text-sm text-teal-800 underline">{t("audit.older")}</Link>}
    </div>
  );
}
