import type { ReactNode } from "react";
import { SectionNav } from "@/components/ui/section-nav";
import type { Translate } from "@/lib/i18n/messages";

/** A page of the review workbench: its title, the workbench's tabs, a sentence on what the page is for. */
export function ReviewSection(props: {
  id: string;
  title: string;
  t: Translate;
  current: string;
  help: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={props.id} className="space-y-4">
      <h1 id={props.id} className="text-xl font-semibold">
        {props.title}
      </h1>
      <SectionNav area="review" t={props.t} current={props.current} />
      <p className="text-sm text-slate-600">{props.help}</p>
      {props.children}
    </section>
  );
}
