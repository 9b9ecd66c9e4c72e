import Link from "next/link";
import type { MessageKey, Translate } from "@/lib/i18n/messages";

type Area = { label: MessageKey; className: string; links: readonly (readonly [string, MessageKey])[] };

/** The tabs of each area; the administrator's include the mandates, which live in the review area. */
const AREAS = {
  admin: {
    label: "nav.admin",
    className: "mb-4",
    links: [
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
    ],
  },
  review: {
    label: "review.nav.label",
    className: "",
    links: [
      ["/review/cases", "review.nav.cases"],
      ["/review", "review.nav.queue"],
      ["/review/mandates", "review.nav.mandates"],
      ["/review/rectification", "review.nav.rectification"],
      ["/review/documents", "doc.nav"],
    ],
  },
} as const satisfies Record<string, Area>;

/** The tabs of one area (administration, review): the current page marked for assistive technology too. */
export function SectionNav({ area, t, current }: { area: keyof typeof AREAS; t: Translate; current: string }) {
  const { label, className, links } = AREAS[area];
  return (
    <nav aria-label={t(label)} className={`flex flex-wrap gap-2 text-sm ${className}`}>
      {links.map(([href, key]) => (
        <Link
          key={href}
          href={href}
          aria-current={current === href ? "page" : undefined}
          className={`rounded px-2 py-1 ${current === href ? "bg-teal-700 text-white" : "bg-white text-slate-700 ring-1 ring-slate-200"}`}
        >
          {t(key)}
        </Link>
      ))}
    </nav>
  );
}
