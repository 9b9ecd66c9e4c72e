import Link from "next/link";
import type { Translate } from "@/lib/i18n/messages";

const LINKS = [
  ["/review", "review.nav.queue"],
  ["/review/rectification", "review.nav.rectification"],
] as const;

export function ReviewNav({ t, current }: { t: Translate; current: string }) {
  return (
    <nav aria-label={t("review.nav.label")} className="flex flex-wrap gap-2 text-sm">
      {LINKS.map(([href, key]) => (
        <Link key={href} href={href} aria-current={current === href ? "page" : undefined} className={`rounded px-2 py-1 ${current === href ? "bg-teal-700 text-white" : "bg-white text-slate-700 ring-1 ring-slate-200"}`}>
          {t(key)}
        </Link>
      ))}
    </nav>
  );
}
