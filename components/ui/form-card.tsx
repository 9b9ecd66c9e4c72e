import type { FormEvent, ReactNode } from "react";

const TONES = { plain: "border-slate-200 bg-white", attention: "border-amber-200 bg-amber-50" };

/** A form that stands as a card of its own: a titled box, with a sentence on what it does. */
export function FormCard(props: {
  id: string;
  title: string;
  hint?: string;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  tone?: keyof typeof TONES;
  className?: string;
  children: ReactNode;
}) {
  return (
    <form
      onSubmit={props.onSubmit}
      aria-labelledby={props.id}
      className={`space-y-2 rounded-lg border p-3 ${TONES[props.tone ?? "plain"]} ${props.className ?? ""}`}
    >
      <h2 id={props.id} className="font-semibold">
        {props.title}
      </h2>
      {props.hint && <p className="text-sm text-slate-600">{props.hint}</p>}
      {props.children}
    </form>
  );
}
