import { TitledSection } from "@/components/ui/titled-section";
import Link from "next/link";
import { recordOrNotFound } from "@/lib/actions/record-or-not-found";
import { SectionNav } from "@/components/ui/section-nav";
import { requirePageActor } from "@/lib/auth/current-user";
import { getChannelForAdmin } from "@/lib/channels/manage-channels";
import type { MessageKey } from "@/lib/i18n/messages";
import { pickMessages } from "@/lib/i18n/pick-messages";
import { getTranslator } from "@/lib/i18n/server";
import { ChannelForm } from "../channel-form";
import { ProposalForms } from "../proposal-forms";

/** One catalogue entry: what it is, where it came from, and its edit form (and, for a staff proposal, its review). */
export default async function ChannelPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor("admin:manage", `/admin/channels/${id}`);
  const [t, c] = await Promise.all([getTranslator(), recordOrNotFound(id, (n) => getChannelForAdmin(actor, n))]);
  const messages = pickMessages(t, ["picker.", "catalogue.", "kind.", "purpose.", "form."]);
  return (
    <div className="space-y-4">
      <SectionNav area="admin" t={t} current="/admin/channels" />
      <Link href="/admin/channels" className="text-sm text-teal-800 underline">
        {t("catalogue.back")}
      </Link>
      <h1 className="text-xl font-semibold">{c.name}</h1>
      <p className="text-sm text-slate-700">
        {[
          t(`kind.${c.kind}` as MessageKey),
          t(`purpose.${c.purpose}` as MessageKey),
          t(`catalogue.status.${c.status}` as MessageKey),
          t("catalogue.usage", { mandates: c.mandates, reports: c.reports }),
        ].join(" · ")}
      </p>
      {c.aliases.length > 0 && (
        <p className="text-sm text-slate-600">{t("catalogue.aliases", { aliases: c.aliases.join("、") })}</p>
      )}
      {c.mergedInto && <p className="text-sm text-slate-600">{t("catalogue.mergedInto", { name: c.mergedInto })}</p>}
      {c.proposedBy && (
        <p className="text-sm text-slate-600">
          {t("catalogue.proposedBy", {
            who: c.proposedBy.unit
              ? t("catalogue.proposer", { name: c.proposedBy.name, unit: c.proposedBy.unit })
              : c.proposedBy.name,
            day: c.createdAt,
          })}
        </p>
      )}
      {c.proposalNote && (
        <p className="text-sm text-slate-600">{t("catalogue.rejectedBecause", { reason: c.proposalNote })}</p>
      )}
      {c.pending && <ProposalForms channel={{ id: c.id, version: c.version, name: c.name }} messages={messages} />}
      <TitledSection id="edit-title" title={t("catalogue.edit")} className="space-y-2">
        <div className="rounded-lg border border-slate-200 bg-white p-3">
          <ChannelForm channel={c} messages={messages} />
        </div>
      </TitledSection>
    </div>
  );
}
