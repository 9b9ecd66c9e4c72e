"use client";
import { TitledSection } from "@/components/ui/titled-section";
import { useSuggestions } from "@/components/ui/use-suggestions";
import { useCallback, useMemo, useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { CHANNEL_KINDS } from "@/lib/vocabulary";
import type { MessageKey } from "@/lib/i18n/messages";
import { translatorOf, type Messages } from "@/lib/i18n/client-translator";
import type { ChannelHit, ReportDraft } from "@/lib/reports/report-dto";
import type { SavedReport } from "@/lib/reports/save-my-report";
import type { UnitChoice } from "@/lib/units/requirers";
import { dismissRequiredAction, proposeChannelAction } from "./actions";
import { ReportForm } from "./report-form";

function newDraft(hit: Pick<ChannelHit, "id" | "name" | "kind" | "mandates">): ReportDraft {
  const first = hit.mandates[0];
  return {
    reportId: null,
    version: null,
    channel: { id: hit.id, name: hit.name, kind: hit.kind },
    requiredByUnitId: first?.issuerUnitId ?? null,
    requiredByName: "",
    actions: first?.actions ?? ["install", "register"],
    accounts: 1,
    minutesPerWeek: null,
    installedOn: "",
    lastUsedOn: "",
    neverUsed: false,
    onlyForFigures: false,
    usefulness: null,
    note: "",
    anonymous: false,
  };
}

/** Search the catalogue (name, alias, pinyin initials), pick or propose a channel, report it, repeat. */
export function ReportComposer({
  messages,
  required,
  setAside,
  requirers,
}: {
  messages: Messages;
  required: ChannelHit[];
  setAside: { id: number; name: string }[];
  requirers: UnitChoice[];
}) {
  const t = useMemo(() => translatorOf(messages), [messages]);
  const router = useRouter();
  const [query, setQuery] = useState("");
  const [hits, setHits] = useSuggestions(
    query,
    (q) => `/api/channels/search?q=${q}`,
    (answer) => (answer as { hits: ChannelHit[] }).hits,
  );
  const [picked, setPicked] = useState<ChannelHit | null>(null);
  const [notice, setNotice] = useState("");
  const [proposeError, setProposeError] = useState("");
  const [proposing, startProposing] = useTransition();
  const input = useRef<HTMLInputElement>(null);

  function propose(formData: FormData) {
    startProposing(async () => {
      const result = await proposeChannelAction(null, formData);
      if (result?.ok)
        setPicked({ ...result.data, kind: String(formData.get("kind")), matched: null, reportId: null, mandates: [] });
      else setProposeError(result?.message ?? "");
    });
  }

  // Sets a required channel aside, or brings it back ("restore"), then shows the list anew.
  const setAsideOrRestore = (fd: FormData) =>
    startProposing(async () => {
      await dismissRequiredAction(null, fd);
      router.refresh();
    });

  const onSaved = useCallback(
    (saved: SavedReport) => {
      setNotice(t("me.saved", { channel: saved.channelName }));
      setPicked(null);
      setQuery("");
      setHits(null);
      router.refresh();
      input.current?.focus();
    },
    [t, router, setHits],
  );

  if (picked) {
    return (
      <TitledSection
        id="report-form-title"
        title={picked.name}
        className="space-y-3 rounded-lg border border-teal-200 bg-white p-3"
        large
      >
        <ReportForm
          key={picked.id}
          draft={newDraft(picked)}
          mandates={picked.mandates}
          requirers={requirers}
          messages={messages}
          onSaved={onSaved}
          onCancel={() => setPicked(null)}
        />
      </TitledSection>
    );
  }

  const q = query.trim();
  return (
    <>
      {required.length > 0 && (
        <section
          aria-labelledby="required-title"
          className="space-y-2 rounded-lg border border-amber-200 bg-amber-50 p-3"
        >
          <h2 id="required-title" className="font-semibold">
            {t("me.requiredTitle", { n: required.length })}
          </h2>
          <p className="text-sm text-slate-700">{t("me.requiredHint")}</p>
          <ul className="divide-y divide-amber-100" aria-label={t("me.requiredList")}>
            {required.map((h) => (
              <li key={h.id} className="space-y-1 py-2">
                <p className="font-medium">{h.name}</p>
                <p className="text-sm text-slate-600">
                  {t("me.requiredBy", { issuers: h.mandates.map((x) => x.issuerName).join("、") })}
                </p>
                <div className="flex gap-2">
                  <button
                    type="button"
                    onClick={() => setPicked(h)}
                    className="rounded bg-teal-700 px-3 py-1.5 text-sm text-white"
                    aria-label={t("me.confirmChannel", { channel: h.name })}
                  >
                    {t("me.confirm")}
                  </button>
                  <form action={setAsideOrRestore}>
                    <input type="hidden" name="channelId" value={h.id} />
                    <button
                      type="submit"
                      className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm"
                      aria-label={t("me.dismissChannel", { channel: h.name })}
                    >
                      {t("me.dismiss")}
                    </button>
                  </form>
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}
      {setAside.length > 0 && (
        <details className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
          <summary className="cursor-pointer">{t("me.setAsideTitle", { n: setAside.length })}</summary>
          <ul className="mt-2 divide-y divide-slate-100" aria-label={t("me.setAsideList")}>
            {setAside.map((c) => (
              <li key={c.id} className="flex items-center justify-between gap-2 py-1.5">
                <span>{c.name}</span>
                <form action={setAsideOrRestore}>
                  <input type="hidden" name="channelId" value={c.id} />
                  <input type="hidden" name="restore" value="1" />
                  <button
                    type="submit"
                    className="text-teal-800 underline"
                    aria-label={t("me.restoreChannel", { channel: c.name })}
                  >
                    {t("me.restore")}
                  </button>
                </form>
              </li>
            ))}
          </ul>
        </details>
      )}
      <TitledSection
        id="composer-title"
        title={t("me.add")}
        className="space-y-2 rounded-lg border border-slate-200 bg-white p-3"
      >
        <p aria-live="polite" className="text-sm text-teal-800" data-testid="composer-notice">
          {notice}
        </p>
        <label htmlFor="channel-search" className="block text-sm">
          {t("me.searchLabel")}
        </label>
        <input
          id="channel-search"
          ref={input}
          type="search"
          autoComplete="off"
          value={query}
          maxLength={50}
          onChange={(e) => {
            setQuery(e.target.value);
            if (!e.target.value.trim()) setHits(null);
          }}
          placeholder={t("me.searchPlaceholder")}
          className="w-full rounded border border-slate-300 px-3 py-2 text-base"
        />
        {q && hits && (
          <ul className="divide-y divide-slate-100" aria-label={t("me.searchLabel")}>
            {hits.map((h) => (
              <li key={h.id}>
                {h.reportId ? (
                  <a href={`/me/reports/${h.reportId}`} className="flex justify-between px-1 py-2.5 text-slate-600">
                    <span>{h.name}</span>
                    <span className="text-sm">
                      {t("me.alreadyReported")} · {t("me.edit")}
                    </span>
                  </a>
                ) : (
                  <button
                    type="button"
                    onClick={() => setPicked(h)}
                    className="flex w-full justify-between px-1 py-2.5 text-left hover:bg-slate-50"
                  >
                    <span className="font-medium">{h.name}</span>
                    <span className="text-sm text-slate-500">{h.matched ?? t(`kind.${h.kind}` as MessageKey)}</span>
                  </button>
                )}
              </li>
            ))}
            {hits.length === 0 && <li className="py-2 text-sm text-slate-600">{t("me.noMatch", { q })}</li>}
          </ul>
        )}
        {/* A new channel is offered only when the catalogue found nothing: "dd" that found 钉钉 is not a name. */}
        {q && hits && hits.length === 0 && (
          <form action={propose} className="flex flex-wrap items-center gap-2 pt-1">
            <input type="hidden" name="name" value={q} />
            <select
              name="kind"
              aria-label={t("report.kind")}
              defaultValue="app"
              className="rounded border border-slate-300 bg-white px-2 py-1.5 text-sm"
            >
              {CHANNEL_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`kind.${k}` as MessageKey)}
                </option>
              ))}
            </select>
            <button
              type="submit"
              disabled={proposing}
              className="rounded border border-teal-700 px-3 py-1.5 text-sm text-teal-800"
            >
              {t("me.propose", { q })}
            </button>
            {proposeError && <p className="w-full text-sm text-red-700">{proposeError}</p>}
          </form>
        )}
      </TitledSection>
    </>
  );
}
