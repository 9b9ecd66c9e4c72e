"use client";
import { useEffect, useState, type Dispatch, type SetStateAction } from "react";

/**
 * What the server suggests for what a person types: asked 150 ms after the last keystroke, and
 * a newer keystroke cancels the request before it (its answer would replace the newer one's).
 * `urlOf` is called with the typed text, encoded; `pick` takes the list out of the answer.
 */
export function useSuggestions<T>(
  query: string,
  urlOf: (encoded: string) => string,
  pick: (answer: unknown) => T[],
): [T[] | null, Dispatch<SetStateAction<T[] | null>>] {
  const [suggestions, setSuggestions] = useState<T[] | null>(null);
  const url = query.trim() ? urlOf(encodeURIComponent(query.trim())) : null;
  useEffect(() => {
    if (!url) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(url, { signal: controller.signal });
        if (response.ok) setSuggestions(pick(await response.json()));
      } catch {
        // a newer keystroke replaced this search
      }
    }, 150);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
    // `pick` is a pure reader of the answer: only the address decides when to ask again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [url]);
  return [suggestions, setSuggestions];
}
