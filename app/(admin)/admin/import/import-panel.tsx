"use client";
import { useState } from "react";
import { IMPORT_KINDS } from "@/lib/imports/import-types";
import type { MessageKey } from "@/lib/i18n/messages";
import { translatorOf, type Messages } from "@/lib/i18n/client-translator";

type Change = {
  line: number;
  record: string;
  created: boolean;
  columns: unknown[];
  /** The columns that change, in the reader's words (the server says them). */
  words: string;
};
type Summary = {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  accountsCreated: number;
  applied: boolean;
  issueCount: number;
  issues: { line: number; message: string }[];
  changes: Change[];
  encoding: "utf-8" | "gb18030";
};

/** A stage of the work in the reader's words (the server names stages by code). */
function stageWords(messages: Messages, stage: string): string {
  const t = translatorOf(messages);
  const key = `import.stage.${stage.startsWith("flags: ") ? "flags" : stage.replaceAll(" ", "_")}`;
  return key in messages ? t(key as MessageKey) : t("import.stage.other");
}

/** Check a file (dry run), read what would change, then import it; progress streams in as it works. */
export function ImportPanel({ messages }: { messages: Messages }) {
  const t = translatorOf(messages);
  const [kind, setKind] = useState<string>("units");
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<string>("");
  const [summary, setSummary] = useState<Summary | null>(null);
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);

  async function run(dryRun: boolean) {
    if (!file) return setError(t("import.noFile"));
    setBusy(true);
    setError("");
    setSummary(null);
    try {
      const response = await fetch(`/api/admin/import?kind=${kind}&dryRun=${dryRun ? 1 : 0}`, {
        method: "POST",
        body: file,
        headers: { "Content-Type": "text/csv" },
      });
      if (!response.ok || !response.body) {
        const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
        setError(body?.error?.message ?? response.statusText);
        return;
      }
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        const lines = buffer.split("\n");
        buffer = lines.pop() ?? "";
        for (const line of lines.filter(Boolean)) {
          const event = JSON.parse(line) as {
            progress?: { stage: string; done: number; total: number };
            summary?: Summary;
            error?: { message: string };
          };
          if (event.progress)
            setProgress(t("import.working", { ...event.progress, stage: stageWords(messages, event.progress.stage) }));
          if (event.summary) setSummary(event.summary);
          if (event.error) setError(event.error.message);
        }
      }
    } finally {
      setBusy(false);
      setProgress("");
    }
  }

  /** Every row the checked file would change, as a CSV the browser saves (the file is sent again: the server keeps nothing of a dry run). */
  async function downloadChanges() {
    if (!file) return;
    const response = await fetch(`/api/admin/import?kind=${kind}&dryRun=1&changes=csv`, {
      method: "POST",
      body: file,
      headers: { "Content-Type": "text/csv" },
    });
    if (!response.ok) return setError(t("import.downloadFailed"));
    const link = document.createElement("a");
    link.href = URL.createObjectURL(await response.blob());
    link.download = `${kind}-changes.csv`;
    link.click();
    URL.revokeObjectURL(link.href);
  }

  return (
    <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <div className="flex flex-wrap items-end gap-3">
        <label className="text-sm">
          <span className="block font-medium">{t("import.kind")}</span>
          <select
            value={kind}
            onChange={(e) => {
              setKind(e.target.value);
              setSummary(null);
            }}
            className="mt-1 rounded border border-slate-300 bg-white px-2 py-1.5"
          >
            {IMPORT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`import.kind.${k}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          <span className="block font-medium">{t("import.file")}</span>
          <input
            type="file"
            accept=".csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setSummary(null);
            }}
            className="mt-1 text-sm"
          />
        </label>
        <button
          type="button"
          disabled={busy}
          onClick={() => run(true)}
          className="rounded border border-teal-700 px-3 py-1.5 text-teal-800 disabled:opacity-50"
        >
          {t("import.check")}
        </button>
        <button
          type="button"
          disabled={busy || !summary || summary.applied || summary.issueCount > 0}
          onClick={() => run(false)}
          className="rounded bg-teal-700 px-3 py-1.5 text-white disabled:opacity-50"
        >
          {t("import.apply")}
        </button>
      </div>
      <p aria-live="polite" className="text-sm text-slate-600" data-testid="import-progress">
        {progress}
      </p>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
      {summary && (
        <div data-testid="import-summary" className="space-y-2 text-sm">
          {summary.encoding === "gb18030" && (
            <p role="note" className="rounded bg-sky-50 p-2 text-sky-900" data-testid="import-encoding">
              {t("import.encodingNotice")}
            </p>
          )}
          <p>
            {t("import.result", {
              rows: summary.rows,
              created: summary.created,
              updated: summary.updated,
              unchanged: summary.unchanged,
            })}
          </p>
          {summary.accountsCreated > 0 && <p>{t("import.accounts", { n: summary.accountsCreated })}</p>}
          {summary.issueCount > 0 ? (
            <>
              <p className="font-medium text-red-700">{t("import.refused", { n: summary.issueCount })}</p>
              <ul className="max-h-80 list-disc overflow-auto pl-5 text-red-800" data-testid="import-issues">
                {summary.issues.map((i, n) => (
                  <li key={n}>{i.message}</li>
                ))}
              </ul>
            </>
          ) : (
            <p className="font-medium text-teal-800">{summary.applied ? t("import.done") : t("import.dryDone")}</p>
          )}
          {!summary.applied && summary.changes.length > 0 && (
            <div className="space-y-2">
              <p className="font-medium">
                {t("import.changesTitle", {
                  shown: summary.changes.length,
                  total: summary.created + summary.updated,
                })}
              </p>
              <ol
                className="max-h-96 space-y-1 overflow-auto rounded border border-slate-200 p-2"
                data-testid="import-changes"
              >
                {summary.changes.map((c) => (
                  <li key={c.line} className="break-words">
                    <span className="text-slate-500">{t("import.line", { line: c.line })}</span>{" "}
                    <span className="font-medium" translate="no">
                      {c.record}
                    </span>{" "}
                    <span className="text-slate-500">{t(c.created ? "import.new" : "import.changed")}</span>
                    {c.columns.length > 0 && (
                      <span>
                        {"："}
                        {c.words}
                      </span>
                    )}
                  </li>
                ))}
              </ol>
              <button type="button" onClick={downloadChanges} className="text-teal-800 underline">
                {t("import.downloadChanges")}
              </button>
            </div>
          )}
        </div>
      )}
    </section>
  );
}
