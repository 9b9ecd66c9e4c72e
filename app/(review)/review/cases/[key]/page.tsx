import { PageHeading } from "@/components/ui/page-heading";
import { notFound } from "next/navigation";
import { requirePageActor } from "@/lib/auth/current-user";
import { pickMessages } from "@/lib/i18n/pick-messages";
import { getTranslator } from "@/lib/i18n/server";
import { queueItemsOf } from "@/lib/review/list-queue";
import { getReviewCase } from "@/lib/review/list-review-cases";
import { BulkQueue } from "../../bulk-queue";
import { caseLine, caseTitle } from "../case-title";
import { CaseOwnerPanel } from "./case-owner-panel";

export default async function CasePage({ params }: { params: Promise<{ key: string }> }) {
  const { key: raw } = await params;
  const actor = await requirePageActor("review:view", `/review/cases/${raw}`);
  let key: string;
  try {
    key = decodeURIComponent(raw).slice(0, 200);
  } catch {
    notFound();
  }
  const [t, found] = await Promise.all([getTranslator(), getReviewCase(actor, key)]);
  // A case is a view of open findings: once they are decided (or where none is the reviewer's) there is nothing left to show.
  if (!found) {
    return (
      <section aria-labelledby="case-title" className="space-y-4">
        <PageHeading id="case-title" back={{ href: "/review/cases", label: t("case.back") }}>
          {t("case.none")}
        </PageHeading>
        <p className="text-slate-600">{t("case.noneHelp")}</p>
      </section>
    );
  }
  const items = await queueItemsOf(actor, found.findingIds, t);
  return (
    <section aria-labelledby="case-title" className="space-y-4">
      <PageHeading id="case-title" back={{ href: "/review/cases", label: t("case.back") }}>
        {caseTitle(t, found)}
      </PageHeading>
      <p className="text-sm text-slate-700">{caseLine(t, found)}</p>
      <CaseOwnerPanel
        caseKey={found.key}
        owner={found.owner}
        selfId={actor.user.id}
        messages={pickMessages(t, ["picker.", "case.", "form."])}
      />
      <p className="text-sm text-slate-600">{t("case.decideHelp")}</p>
      <BulkQueue
        items={items}
        messages={pickMessages(t, ["picker.", "review.", "flagKind.", "flagStatus.", "form."])}
        preselect
        issuer={
          found.issuerCode
            ? { id: 0, label: found.issuer ?? "", detail: found.issuerParent, code: found.issuerCode }
            : null
        }
      />
    </section>
  );
}
