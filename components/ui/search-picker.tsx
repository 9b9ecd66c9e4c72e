"use client";
import { useEffect, useState } from "react";

export type PickerChoice = { id: number; label: string; detail: string | null; code?: string };

/**
 * A name picked from the server's suggestions, never an id typed by hand: the person types part of
 * a name, a code or pinyin initials, and picks a line; the form sends the id in a hidden field.
 */
export function SearchPicker(props: {
  name: string;
  label: string;
  placeholder: string;
  lookup: string;
  initial: PickerChoice | null;
  clearLabel: string;
  noMatch: string;
  invalid?: { describedBy: string } | null;
  /** Where one page holds several pickers of one field (a row each), what tells their ids apart. */
  idPrefix?: string;
  /** What the form sends: the record's id (default) or a unit's code. */
  submit?: "id" | "code";
}) {
  const [chosen, setChosen] = useState<PickerChoice | null>(props.initial);
  const [query, setQuery] = useState("");
  const [choices, setChoices] = useState<PickerChoice[] | null>(null);
  const id = `${props.idPrefix ?? ""}${props.name}-picker`;

  useEffect(() => {
    const q = query.trim();
    if (!q) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`${props.lookup}&q=${encodeURIComponent(q)}`, { signal: controller.signal });
        if (response.ok) setChoices(((await response.json()) as { choices: PickerChoice[] }).choices);
      } catch {
        // a newer keystroke replaced this search
      }
    }, 150);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, props.lookup]);

  const describe = (c: PickerChoice) => (c.detail ? `${c.label}（${c.detail}）` : c.label);
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {props.label}
      </label>
      <input type="hidden" name={props.name} value={(props.submit === "code" ? chosen?.code : chosen?.id) ?? ""} />
      {chosen ? (
        <p
          className="mt-1 flex items-center justify-between gap-2 rounded border border-teal-700 bg-teal-50 px-2 py-2"
          data-testid={`${props.name}-chosen`}
        >
          <span>{describe(chosen)}</span>
          <button
            type="button"
            id={id}
            onClick={() => {
              setChosen(null);
              setQuery("");
              setChoices(null);
            }}
            className="text-sm text-teal-800 underline"
          >
            {props.clearLabel}
          </button>
        </p>
      ) : (
        <>
          <input
            id={id}
            type="search"
            autoComplete="off"
            value={query}
            maxLength={50}
            placeholder={props.placeholder}
            onChange={(e) => {
              setQuery(e.target.value);
              if (!e.target.value.trim()) setChoices(null);
            }}
            className="mt-1 w-full rounded border border-slate-300 px-2 py-2"
            {...(props.invalid ? { "aria-invalid": true, "aria-describedby": props.invalid.describedBy } : {})}
          />
          {query.trim() && choices && (
            <ul
              className="mt-1 max-h-60 divide-y divide-slate-100 overflow-y-auto rounded border border-slate-200 bg-white"
              aria-label={props.label}
            >
              {choices.map((c) => (
                <li key={c.id}>
                  <button
                    type="button"
                    onClick={() => setChosen(c)}
                    className="w-full px-2 py-2 text-left hover:bg-slate-50"
                  >
                    {describe(c)}
                  </button>
                </li>
              ))}
              {choices.length === 0 && <li className="px-2 py-2 text-sm text-slate-600">{props.noMatch}</li>}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
