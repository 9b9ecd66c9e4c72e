"use client";
import { useState } from "react";
import { useSuggestions } from "@/components/ui/use-suggestions";
import { describedBy, FieldError } from "@/components/ui/form-fields";
import { translatorOf, type Messages } from "@/lib/i18n/client-translator";

export type PickerKind = "target" | "issuer" | "colleague" | "channel";

export type PickerChoice = { id: number; label: string; detail: string | null; code?: string };

/**
 * A name picked from the server's suggestions, never an id typed by hand: the person types part of
 * a name, a code or pinyin initials, and picks a line; the form sends the id in a hidden field.
 */
export function SearchPicker(props: {
  name: string;
  label: string;
  /** What is looked up: a unit under the reader, a department, a colleague or a channel. */
  kind: PickerKind;
  /** The page's picked messages: they hold the picker's own words (picker.*). */
  messages: Messages;
  initial?: PickerChoice | null;
  errors?: string[];
  /** Where one page holds several pickers of one field (a row each), what tells their ids apart. */
  idPrefix?: string;
  /** What the form sends: the record's id (default) or a unit's code. */
  submit?: "id" | "code";
  className?: string;
}) {
  const t = translatorOf(props.messages);
  const lookup = `/api/review/lookup?kind=${props.kind}`;
  const [chosen, setChosen] = useState<PickerChoice | null>(props.initial ?? null);
  const [query, setQuery] = useState("");
  const [choices, setChoices] = useSuggestions(
    query,
    (q) => `${lookup}&q=${q}`,
    (answer) => (answer as { choices: PickerChoice[] }).choices,
  );
  const id = `${props.idPrefix ?? ""}${props.name}-picker`;

  const describe = (c: PickerChoice) => (c.detail ? `${c.label}（${c.detail}）` : c.label);
  return (
    <div className={props.className}>
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
            {t("picker.change")}
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
            placeholder={t(`picker.${props.kind}.search`)}
            onChange={(e) => {
              setQuery(e.target.value);
              if (!e.target.value.trim()) setChoices(null);
            }}
            className="mt-1 w-full rounded border border-slate-300 px-2 py-2"
            {...describedBy(id, props.errors)}
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
              {choices.length === 0 && (
                <li className="px-2 py-2 text-sm text-slate-600">{t(`picker.${props.kind}.noMatch`)}</li>
              )}
            </ul>
          )}
        </>
      )}
      <FieldError id={id} errors={props.errors} />
    </div>
  );
}
