import { TitledSection } from "@/components/ui/titled-section";
import { PageHeading } from "@/components/ui/page-heading";
import { beijingDateTime } from "@/lib/dates/calendar-day";
import { recordOrNotFound } from "@/lib/actions/record-or-not-found";
import { EvidenceView } from "@/components/review/evidence-view";
import { requirePageActor } from "@/lib/auth/current-user";
import { pickMessages } from "@/lib/i18n/pick-messages";
import { getTranslator } from "@/lib/i18n/server";
import { getFlagForReview } from "@/lib/review/get-flag";
import { DecisionForms } from "./decision-forms";

export default async function FlagPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor("review:view", `/review/flags/${id}`);
  const t = await getTranslator();
  const flag = await recordOrNotFound(id, (flagId) => getFlagForReview(actor, flagId, t));
  const messages = pickMessages(t, ["picker.", "review.", "flagKind.", "flagStatus.", "form."]);
  const fact = (label: string, value: React.ReactNode) => (
    <div className="flex flex-col sm:flex-row sm:gap-2">
      <dt className="text-slate-600 sm:w-40">{label}</dt>
      <dd className="break-words">{value}</dd>
    </div>
  );
  return (
    <article aria-labelledby="flag-title" className="space-y-4">
      <PageHeading id="flag-title" back={{ href: "/review", label: t("review.backToQueue") }}>
        {t(`flagKind.${flag.kind}`)}{" "}
        <span className="text-base font-normal text-slate-600">
          #{flag.id} · {t(`review.severity.${flag.severity}` as "review.severity.1")} ·{" "}
          <span data-testid="flag-status">{t(`flagStatus.${flag.status}`)}</span>
        </span>
      </PageHeading>
      <p className="rounded-lg border border-slate-200 bg-white p-3">{flag.explanation}</p>
      <dl className="space-y-1 rounded-lg border border-slate-200 bg-white p-3 text-sm">
        {flag.unit && fact(t("review.fact.unit"), flag.unit.name)}
        {flag.channels.length > 0 &&
          fact(
            t("review.fact.channels"),
            <ul>
              {flag.channels.map((c) => (
                <li key={c.id}>
                  {c.name} · {t(`review.channelStatus.${c.status}` as "review.channelStatus.active")} ·{" "}
                  {t("review.fact.usage", { mandates: c.mandates, reports: c.reports })}
                  {c.aliases.length > 0 && ` · ${t("review.fact.aliases", { aliases: c.aliases.join("、") })}`}
                </li>
              ))}
            </ul>,
          )}
        {fact(t("review.fact.hours"), flag.hoursPerWeek)}
        {flag.issuers.length > 0 &&
          fact(
            t("review.fact.issuers"),
            flag.issuers.map((u) => (u.parent ? `${u.name}（${u.parent}）` : u.name)).join("、"),
          )}
        {flag.assignedIssuer &&
          fact(
            t("review.fact.assigned"),
            `${flag.assignedIssuer.name} · ${t("review.fact.deadline", { deadline: flag.deadline ?? "" })}`,
          )}
        {(flag.reporter || flag.reporterHidden) &&
          fact(
            t("review.fact.reporter"),
            flag.reporter ? <span translate="no">{flag.reporter}</span> : t("review.reporterHidden"),
          )}
        {fact(t("review.fact.firstSeen"), beijingDateTime(flag.firstSeenAt).slice(0, 10))}
        {fact(t("review.fact.computed"), beijingDateTime(flag.computedAt))}
        {flag.resolvedReason &&
          fact(
            t("review.fact.resolvedReason"),
            t(`review.resolvedReason.${flag.resolvedReason}` as "review.resolvedReason.reviewer"),
          )}
      </dl>
      <TitledSection id="evidence-title" title={t("review.evidence")} className="space-y-2">
        <EvidenceView evidence={flag.evidence} t={t} />
      </TitledSection>
      <TitledSection id="decide-title" title={t("review.decide")} className="space-y-2">
        <DecisionForms
          flag={{
            id: flag.id,
            version: flag.version,
            kind: flag.kind,
            status: flag.status,
            channels: flag.channels.map((c) => ({ id: c.id, name: c.name, status: c.status })),
            issuers: flag.issuers,
          }}
          messages={messages}
        />
      </TitledSection>
      <TitledSection id="history-title" title={t("review.history")} className="space-y-2">
        {flag.history.length === 0 ? (
          <p className="text-sm text-slate-600">{t("review.noHistory")}</p>
        ) : (
          <ol className="space-y-1 text-sm" data-testid="flag-history">
            {flag.history.map((h) => (
              <li key={h.id} className="rounded border border-slate-200 bg-white p-2">
                <span className="font-medium">{t(`review.decision.${h.decision}` as "review.decision.confirm")}</span> ·{" "}
                {h.by} · {beijingDateTime(h.at)}
                {h.reason && <p className="break-words text-slate-700">{h.reason}</p>}
                {h.detail && <p className="break-words text-xs text-slate-500">{h.detail}</p>}
              </li>
            ))}
          </ol>
        )}
      </TitledSection>
    </article>
  );
}
