"use client";
import { useEffect } from "react";
import { errorMessages } from "@/lib/i18n/error-messages";

/** The message for an unexpected error: generic words and a reference, never the error itself. */
export function ErrorView({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => console.error(error), [error]);
  const dict =
    errorMessages[typeof document !== "undefined" && document.documentElement.lang === "en" ? "en" : "zh-CN"];
  return (
    <div role="alert" className="mx-auto max-w-xl rounded-lg border border-red-200 bg-white p-6">
      <h1 className="text-xl font-semibold">{dict["error.generic.title"]}</h1>
      <p className="mt-2 text-slate-700">{dict["error.generic.body"].replace("{ref}", error.digest ?? "-")}</p>
      <button type="button" onClick={reset} className="mt-4 rounded bg-teal-700 px-3 py-1.5 text-white">
        {dict["error.retry"]}
      </button>
    </div>
  );
}
