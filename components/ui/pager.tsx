import Link from "next/link";

/**
 * Earlier and later pages of a long list; each address keeps the list's filters (the caller's
 * `at` builds it). `first` is the number the list gives its first page (0 or 1).
 */
export function Pager({
  label,
  page,
  pages,
  at,
  first = 0,
  prevLabel,
  nextLabel,
  position,
}: {
  label: string;
  page: number;
  pages: number;
  at: (page: number) => string;
  first?: 0 | 1;
  prevLabel: string;
  nextLabel: string;
  position?: string;
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
      {link(prev, prevLabel)}
      {position && <span>{position}</span>}
      {link(next, nextLabel)}
    </nav>
  );
}
