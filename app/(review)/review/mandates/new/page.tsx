import Link from "next/link";
import { requirePageActor } from "@/lib/auth/current-user";
import { pickMessages } from "@/lib/i18n/pick-messages";
import { getTranslator } from "@/lib/i18n/server";
import { MandateForm } from "../mandate-form";

export default async function NewMandatePage() {
  await requirePageActor("mandate:manage", "/review/mandates/new");
  const t = await getTranslator();
  return (
    <section aria-labelledby="new-mandate-title" className="space-y-4">
      <Link href="/review/mandates" className="text-sm text-teal-800 underline">
        {t("mandate.back")}
      </Link>
      <h1 id="new-mandate-title" className="text-xl font-semibold">
        {t("mandate.newTitle")}
      </h1>
      <MandateForm
        messages={pickMessages(t, ["mandate.", "action.", "form."])}
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
