import Link from "next/link";
import type { Translate } from "@/lib/i18n/messages";

const LINKS = [
  ["/admin", "admin.nav.overview"],
  ["/admin/import", "admin.nav.import"],
  ["/admin/units", "admin.nav.units"],
  ["/admin/channels", "admin.nav.channels"],
  ["/admin/users", "admin.nav.users"],
  ["/admin/settings", "admin.nav.settings"],
  ["/admin/audit", "admin.nav.audit"],
] as const;

export function AdminNav({ t, current }: { t: Translate; current: string }) {
  return (
    <nav aria-label={t("nav.admin")} className="mb-4 flex flex-wrap gap-2 text-sm">
      {LINKS.map(([href, key]) => (
        <Link key={href} href={href} aria-current={current === href ? "page" : undefined} className={`rounded px-2 py-1 ${current === href ? "bg-teal-700 text-white" : "bg-white text-slate-700 ring-1 ring-slate-200"}`}>
          {t(key)}
        </Link>
      ))}
    </nav>
  );
}
