import type { ReactNode } from "react";

/**
 * A list's one search field and its button, sent by GET so that the address keeps the search.
 * `keep` holds the list's other choices (a tab, a filter) as hidden fields.
 */
export function SearchBox(props: {
  id: string;
  label: string;
  /** The hint inside the field and the button's word, where they are not the label's. */
  placeholder?: string;
  button?: string;
  value: string;
  maxLength: number;
  action?: string;
  keep?: Record<string, string | undefined>;
  children?: ReactNode;
}) {
  return (
    <form action={props.action} role="search" className="flex gap-2 text-sm">
      {Object.entries(props.keep ?? {}).map(([name, value]) =>
        value ? <input key={name} type="hidden" name={name} value={value} /> : null,
      )}
      <label htmlFor={props.id} className="sr-only">
        {props.label}
      </label>
      <input
        id={props.id}
        name="q"
        type="search"
        defaultValue={props.value}
        maxLength={props.maxLength}
        placeholder={props.placeholder ?? props.label}
        className="min-w-0 flex-1 rounded border border-slate-300 px-2 py-2"
      />
      <button type="submit" className="rounded bg-teal-700 px-3 py-2 text-white">
        {props.button ?? props.label}
      </button>
      {props.children}
    </form>
  );
}
