import Link from "next/link";
import type { ReactNode } from "react";

/** A detail page's way back to its list, then its title (the id names the page's landmark). */
export function PageHeading({
  id,
  back,
  children,
}: {
  id: string;
  back: { href: string; label: string };
  children: ReactNode;
}) {
  return (
    <>
      <Link href={back.href} className="text-sm text-teal-800 underline">
        {back.label}
      </Link>
      <h1 id={id} className="text-xl font-semibold">
        {children}
      </h1>
    </>
  );
}
