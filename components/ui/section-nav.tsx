import Link from "next/link";

/** The tabs of one area (administration, review): the current page marked for assistive technology too. */
export function SectionNav({
  label,
  links,
  current,
  className = "",
}: {
  label: string;
  links: readonly { href: string; text: string }[];
  current: string;
  className?: string;
}) {
  return (
    <nav aria-label={label} className={`flex flex-wrap gap-2 text-sm ${className}`}>
      {links.map(({ href, text }) => (
        <Link
          key={href}
          href={href}
          aria-current={current === href ? "page" : undefined}
          className={`rounded px-2 py-1 ${current === href ? "bg-teal-700 text-white" : "bg-white text-slate-700 ring-1 ring-slate-200"}`}
        >
          {text}
        </Link>
      ))}
    </nav>
  );
}
