import Link from "next/link";
import type { Translate } from "@/lib/i18n/messages";

/**
 * Earlier and later pages of a long list; each address keeps the list's filters (the caller's
 * `at` builds it). `first` is the number the list gives its first page (0 or 1); `showPosition`
 * adds "page 2 of 7" between the links.
 */
export function Pager({
  label,
  page,
  pages,
  at,
  t,
  first = 0,
  showPosition = false,
}: {
  label: string;
  page: number;
  pages: number;
  at: (page: number) => string;
  t: Translate;
  first?: 0 | 1;
  showPosition?: boolean;
}) {
  const prev = page > first ? at(page - 1) : null;
  const next = page - first + 1 < pages ? at(page + 1) : null;
  if (!prev && !next) return null;
  const link = (href: string | null, text: string) =>
    href ? (
      <Link href={href} className="text-teal-800 underline">
        {text}
      </Link>
    ) : (
      <span />
    );
  return (
    <nav aria-label={label} className="flex flex-wrap items-center justify-between gap-3 text-sm">
      {link(prev, t("pager.prev"))}
      {showPosition && <span>{t("pager.position", { page: page - first + 1, pages })}</span>}
      {link(next, t("pager.next"))}
    </nav>
  );
}
