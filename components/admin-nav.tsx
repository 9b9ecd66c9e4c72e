import { SectionNav } from "@/components/ui/section-nav";
import type { Translate } from "@/lib/i18n/messages";

const LINKS = [
  ["/admin", "admin.nav.overview"],
  ["/admin/import", "admin.nav.import"],
  ["/admin/units", "admin.nav.units"],
  ["/admin/channels", "admin.nav.channels"],
  ["/review/mandates", "review.nav.mandates"],
  ["/admin/requirers", "admin.nav.requirers"],
  ["/admin/products", "admin.nav.products"],
  ["/admin/users", "admin.nav.users"],
  ["/admin/settings", "admin.nav.settings"],
  ["/admin/audit", "admin.nav.audit"],
] as const;

export function AdminNav({ t, current }: { t: Translate; current: string }) {
  return (
    <SectionNav
      label={t("nav.admin")}
      links={LINKS.map(([href, key]) => ({ href, text: t(key) }))}
      current={current}
      className="mb-4"
    />
  );
}
