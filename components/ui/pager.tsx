import Link from "next/link";

/** Earlier and later pages of a long list; each address keeps the list's filters (the caller builds them). */
export function Pager({
  label,
  prev,
  next,
  prevLabel,
  nextLabel,
  position,
}: {
  label: string;
  prev: string | null;
  next: string | null;
  prevLabel: string;
  nextLabel: string;
  position?: string;
}) {
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
