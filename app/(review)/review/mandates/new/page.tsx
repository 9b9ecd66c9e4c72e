import { PageHeading } from "@/components/ui/page-heading";
import { requirePageActor } from "@/lib/auth/current-user";
import { pickMessages } from "@/lib/i18n/pick-messages";
import { getTranslator } from "@/lib/i18n/server";
import { MandateForm } from "../mandate-form";

export default async function NewMandatePage() {
  await requirePageActor("mandate:manage", "/review/mandates/new");
  const t = await getTranslator();
  return (
    <section aria-labelledby="new-mandate-title" className="space-y-4">
      <PageHeading id="new-mandate-title" back={{ href: "/review/mandates", label: t("mandate.back") }}>
        {t("mandate.newTitle")}
      </PageHeading>
      <MandateForm
        messages={pickMessages(t, ["picker.", "mandate.", "action.", "form."])}
        values={{
          mandateId: null,
          version: null,
          issuer: null,
          target: null,
          channel: null,
          appliesToSubtree: false,
          actions: ["install"],
          assessmentLinked: false,
          ranking: false,
          quota: null,
          document: "",
          since: "",
          until: "",
        }}
      />
    </section>
  );
}
