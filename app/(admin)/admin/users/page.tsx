import { SectionNav } from "@/components/ui/section-nav";
import { Pager } from "@/components/ui/pager";
import { requirePageActor } from "@/lib/auth/current-user";
import { pickMessages } from "@/lib/i18n/pick-messages";
import { getTranslator } from "@/lib/i18n/server";
import { optionsOf, SelectField, TextField } from "@/components/ui/form-fields";
import { SearchPicker } from "@/components/ui/search-picker";
import { searchTerm } from "@/lib/validation/search-term";
import { unitChoiceByCode } from "@/lib/mandates/mandate-lookups";
import { listUsers, USER_ROLE_FILTERS, USERS_PAGE } from "@/lib/users/users";
import { InviteForm } from "./invite-form";
import { MoveStaffForm } from "./move-staff-form";
import { UserRowForm } from "./user-row-form";
import { ListTable } from "@/components/ui/list-table";

export default async function UsersPage({
  searchParams,
}: {
  searchParams: Promise<{ q?: string; page?: string; role?: string; unit?: string }>;
}) {
  const actor = await requirePageActor("admin:manage", "/admin/users");
  const [t, params] = await Promise.all([getTranslator(), searchParams]);
  const q = typeof params.q === "string" ? params.q : "";
  const page = Math.min(Math.max(0, Math.trunc(Number(params.page)) || 0), 1_000_000);
  const role =
    typeof params.role === "string" && (USER_ROLE_FILTERS as readonly string[]).includes(params.role)
      ? params.role
      : "";
  const unitCode = searchTerm(params.unit, 64);
  const [{ users, total }, unitChoice] = await Promise.all([
    listUsers(actor, { q, page, role, unitCode }),
    unitChoiceByCode(actor, unitCode || undefined),
  ]);
  const filters = { ...(q ? { q } : {}), ...(role ? { role } : {}), ...(unitCode ? { unit: unitCode } : {}) };
  const pages = Math.ceil(total / USERS_PAGE);
  const messages = pickMessages(t, ["users.", "invite.", "role.", "picker."]);
  return (
    <div className="space-y-4">
      <SectionNav area="admin" t={t} current="/admin/users" />
      <h1 className="text-xl font-semibold">{t("users.title")}</h1>
      <InviteForm messages={messages} />
      <form
        className="grid gap-2 rounded-lg border border-slate-200 bg-white p-3 text-sm sm:grid-cols-[1fr_auto_2fr_auto] sm:items-end"
        role="search"
        aria-label={t("users.filter")}
      >
        <TextField
          name="q"
          label={t("users.search")}
          defaultValue={q}
          maxLength={64}
          placeholder={t("users.searchHint")}
        />
        <SelectField
          name="role"
          label={t("users.role")}
          defaultValue={role}
          any={t("users.anyRole")}
          options={optionsOf(USER_ROLE_FILTERS, (r) => t(`role.${r}`))}
        />
        <SearchPicker
          name="unit"
          submit="code"
          kind="target"
          idPrefix="users-"
          label={t("users.unitFilter")}
          initial={unitChoice}
          messages={messages}
        />
        <button className="rounded bg-teal-700 px-3 py-2 text-white">{t("users.apply")}</button>
      </form>
      <p className="text-sm text-slate-600">{t("users.total", { n: total })}</p>
      <Pager
        label={t("users.pages")}
        page={page}
        pages={pages}
        at={(n) => `/admin/users?${new URLSearchParams({ ...filters, page: String(n) })}`}
        t={t}
        showPosition
      />
      <ListTable headers={(["login", "name", "place", "status", "role"] as const).map((c) => t(`users.${c}`))}>
        {users.map((u) => (
          <tr key={u.id} className="border-b">
            <td className="p-2 font-mono" translate="no">
              {u.login}
            </td>
            <td className="p-2">{u.name}</td>
            <td className="p-2">
              {u.place ?? "—"}
              {u.role === "STAFF" && <MoveStaffForm user={u} messages={messages} />}
            </td>
            <td className="p-2">{t(`users.status.${u.status}`)}</td>
            <td className="p-2">
              <UserRowForm user={u} messages={messages} />
            </td>
          </tr>
        ))}
      </ListTable>
    </div>
  );
}
