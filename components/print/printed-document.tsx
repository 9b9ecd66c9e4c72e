import Link from "next/link";
import type { ReactNode } from "react";
import { PrintButton } from "@/components/ui/print-button";
import type { Translate } from "@/lib/i18n/messages";
import { printedDate } from "@/lib/review/documents/issuing-office";

/**
 * A document laid out for an A4 page (the @page rule in globals.css): a way back and the print
 * button on screen only, the title, the body, and the issuing office and date at the foot, as an
 * official letter ends. `issued` is the document's own office and day (YYYY-MM-DD).
 */
export function PrintedDocument(props: {
  id: string;
  title: string;
  back: { href: string; label: string };
  t: Translate;
  issued: { office: string; date: string };
  children: ReactNode;
}) {
  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between gap-3 print:hidden">
        <BackLink {...props.back} />
        <PrintButton label={props.t("notice.print")} />
      </div>
      <article
        aria-labelledby={props.id}
        className="mx-auto max-w-[210mm] space-y-5 bg-white p-3 leading-relaxed text-black sm:p-12 print:p-0"
      >
        <h1 id={props.id} className="text-center text-2xl font-bold tracking-widest">
          {props.title}
        </h1>
        {props.children}
        <div className="break-inside-avoid pt-8 text-right">
          <p>{props.issued.office}</p>
          <p>{printedDate(props.issued.date, props.t)}</p>
        </div>
      </article>
    </div>
  );
}

/** Where a document was opened from; not printed. */
export function BackLink({ href, label }: { href: string; label: string }) {
  return (
    <Link href={href} className="text-sm text-teal-800 underline print:hidden">
      {label}
    </Link>
  );
}

/** What a document page says when there is nothing to print (unknown, outside, or nothing outstanding). */
export function NothingToPrint({ back, message }: { back: { href: string; label: string }; message: string }) {
  return (
    <section className="space-y-4">
      <BackLink {...back} />
      <p className="rounded-lg border border-slate-200 bg-white p-4 text-slate-600">{message}</p>
    </section>
  );
}

/**
 * A ruled table as printed documents have them: black borders, a header row, rows that do not split
 * across pages. On a phone it scrolls sideways rather than squeeze its columns to a character each.
 */
export function PrintedTable(props: { columns: string[]; rows: ReactNode[][]; caption?: string; nowrap?: number[] }) {
  const cell = "border border-black px-2 py-1";
  return (
    <div className="overflow-x-auto print:overflow-visible">
      <table className="w-full min-w-[36rem] border-collapse text-sm print:min-w-0">
        {props.caption && <caption className="sr-only">{props.caption}</caption>}
        <thead>
          <tr>
            {props.columns.map((c) => (
              <th key={c} scope="col" className={`${cell} whitespace-nowrap text-left`}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row, i) => (
            <tr key={i} className="break-inside-avoid align-top">
              {row.map((value, j) => (
                <td key={j} className={props.nowrap?.includes(j) ? `${cell} whitespace-nowrap` : cell}>
                  {value}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
