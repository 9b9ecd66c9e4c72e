import { PageHeading } from "@/components/ui/page-heading";
import Link from "next/link";
import { recordOrNotFound } from "@/lib/actions/record-or-not-found";
import { requirePageActor } from "@/lib/auth/current-user";
import { pickMessages } from "@/lib/i18n/pick-messages";
import { getTranslator } from "@/lib/i18n/server";
import { beijingToday } from "@/lib/dates/calendar-day";
import { getMandate } from "@/lib/mandates/list-mandates";
import { MandateForm } from "../mandate-form";
import { MandateTerms } from "../mandate-terms";
import { ReviewReported, RevokeMandate } from "./mandate-decisions";

export default async function MandatePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ saved?: string }>;
}) {
  const { id } = await params;
  const actor = await requirePageActor("mandate:manage", `/review/mandates/${id}`);
  const m = await recordOrNotFound(id, (mandateId) => getMandate(actor, mandateId));
  const [t, { saved }] = await Promise.all([getTranslator(), searchParams]);
  const messages = pickMessages(t, ["picker.", "mandate.", "action.", "form."]);
  const active = m.status === "active";
  const editable = active && (m.source !== "reported" || m.review === "confirmed");
  return (
    <section aria-labelledby="mandate-title" className="space-y-4">
      <PageHeading id="mandate-title" back={{ href: "/review/mandates", label: t("mandate.back") }}>
        {t("mandate.line", { issuer: m.issuer.name, channel: m.channel.name, unit: m.target.name })}
      </PageHeading>
      {saved && (
        <p className="rounded bg-teal-50 p-2 text-sm text-teal-900" role="status">
          {t("mandate.saved")}
        </p>
      )}
      <MandateTerms m={m} t={t} />
      {active && m.source === "reported" && m.review === "pending" && (
        <ReviewReported mandateId={m.id} version={m.version} messages={messages} />
      )}
      {editable && (
        <details className="rounded-lg border border-slate-200 bg-white p-3">
          <summary className="cursor-pointer font-semibold">{t("mandate.editTitle")}</summary>
          <div className="mt-3">
            <MandateForm
              messages={messages}
              values={{
                mandateId: m.id,
                version: m.version,
                appliesToSubtree: m.appliesToSubtree,
                actions: m.actions,
                assessmentLinked: m.assessmentLinked,
                ranking: m.ranking,
                quota: m.quota,
                document: m.document ?? "",
                since: m.since ?? "",
                until: m.until ?? "",
                issuer: { id: m.issuer.id, label: m.issuer.name, detail: m.issuer.parentName },
                target: { id: m.target.id, label: m.target.name, detail: m.target.parentName },
                channel: { id: m.channel.id, label: m.channel.name, detail: null },
              }}
            />
          </div>
        </details>
      )}
      {active && (m.source !== "reported" || m.review === "confirmed") && (
        <RevokeMandate mandateId={m.id} version={m.version} today={beijingToday()} messages={messages} />
      )}
      <Link
        href={`/review?q=${encodeURIComponent(m.channel.name)}`}
        className="inline-block text-sm text-teal-800 underline"
      >
        {t("mandate.flagsOfChannel")}
      </Link>
    </section>
  );
}
