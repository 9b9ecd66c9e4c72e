import { AdminNav } from "@/components/admin-nav";
import { actorFromUser } from "@/lib/auth/actor";
import { requirePageUser } from "@/lib/auth/current-user";
import { pickMessages } from "@/lib/i18n/pick-messages";
import { getTranslator } from "@/lib/i18n/server";
import Link from "next/link";
import { listUsers, USERS_PAGE } from "@/lib/users/users";
import { InviteForm } from "./invite-form";
import { MoveStaffForm } from "./move-staff-form";
import { UserRowForm } from "./user-row-form";

export default async function UsersPage({ searchParams }: { searchParams: Promise<{ q?: string; page?: string }> }) {
  const user = await requirePageUser("admin:manage", "/admin/users");
  const [t, params] = await Promise.all([getTranslator(), searchParams]);
  const q = typeof params.q === "string" ? params.q : "";
  const page = Math.min(Math.max(0, Math.trunc(Number(params.page)) || 0), 1_000_000);
  const { users, total } = await listUsers(actorFromUser(user), { q, page });
  const pages = Math.ceil(total / USERS_PAGE);
  const m = pickMessages(t, ["users.", "invite.", "role."]);
  return (
    <div className="space-y-4">
      <AdminNav t={t} current="/admin/users" />
      <h1 className="text-xl font-semibold">{t("users.title")}</h1>
      <InviteForm m={m} />
      <form className="flex gap-2" role="search">
        <label htmlFor="q" className="sr-only">{t("users.search")}</label>
        <input id="q" name="q" defaultValue={q} maxLength={64} placeholder={t("users.search")} className="rounded border border-slate-300 px-2 py-1.5" />
        <button className="rounded border border-slate-300 px-3">{t("users.search")}</button>
      </form>
      <p className="text-sm text-slate-600">{t("users.total", { n: total })}</p>
      {pages > 1 && (
        <nav aria-label={t("users.pages")} className="flex flex-wrap items-center gap-3 text-sm">
          {page > 0 && <Link href={`/admin/users?${new URLSearchParams({ ...(q ? { q } : {}), page: String(page - 1) })}`} className="text-teal-800 underline">{t("users.prev")}</Link>}
          <span>{t("users.pageOf", { page: page + 1, pages })}</span>
          {page + 1 < pages && <Link href={`/admin/users?${new URLSearchParams({ ...(q ? { q } : {}), page: String(page + 1) })}`} className="text-teal-800 underline">{t("users.next")}</Link>}
        </nav>
      )}
      <div className="overflow-x-auto">
        <table className="w-full min-w-[640px] border-collapse bg-white text-sm">
          <thead>
            <tr className="border-b text-left">
              <th className="p-2">{t("users.login")}</th>
              <th className="p-2">{t("users.name")}</th>
              <th className="p-2">{t("users.place")}</th>
              <th className="p-2">{t("users.status")}</th>
              <th className="p-2">{t("users.role")}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} className="border-b">
                <td className="p-2 font-mono">{u.login}</td>
                <td className="p-2">{u.name}</td>
                <td className="p-2">
                  {u.place ?? "—"}
                  {u.role === "STAFF" && <MoveStaffForm user={u} m={m} />}
                </td>
                <td className="p-2">{t(`users.status.${u.status}`)}</td>
                <td className="p-2"><UserRowForm user={u} m={m} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
