import type { ReactNode } from "react";

/** A part of a page under its own heading, which names it for screen readers' landmarks too. */
export function TitledSection(props: {
  id: string;
  title: ReactNode;
  className?: string;
  /** A main part of a page, under a larger heading. */
  large?: boolean;
  /** The heading's own look where the page sets a different one (a small print heading, a hidden one). */
  headingClassName?: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={props.id} className={props.className}>
      <h2 id={props.id} className={props.headingClassName ?? (props.large ? "text-lg font-semibold" : "font-semibold")}>
        {props.title}
      </h2>
      {props.children}
    </section>
  );
}
