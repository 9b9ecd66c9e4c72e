import Link from "next/link";
import { ReviewSection } from "@/components/review/review-section";
import { SubmitButton } from "@/components/ui/form-fields";
import { SearchPicker } from "@/components/ui/search-picker";
import { requirePageActor } from "@/lib/auth/current-user";
import type { Messages } from "@/lib/i18n/client-translator";
import { pickMessages } from "@/lib/i18n/pick-messages";
import { getTranslator } from "@/lib/i18n/server";

/** The printable documents a reviewer can make, each from a unit or region picked by name. */
export default async function DocumentsPage() {
  await requirePageActor("review:view", "/review/documents");
  const t = await getTranslator();
  const messages = pickMessages(t, ["picker."]);
  return (
    <ReviewSection id="documents-title" title={t("doc.title")} t={t} current="/review/documents" help={t("doc.help")}>
      <div className="grid gap-4 lg:grid-cols-2">
        {(["region", "unit"] as const).map((field) => (
          <DocumentForm
            key={field}
            field={field}
            title={t(`doc.${field}.title`)}
            about={t(`doc.${field}.about`)}
            pick={t(`doc.${field}.pick`)}
            make={t(`doc.${field}.make`)}
            messages={messages}
          />
        ))}
      </div>
      <p className="text-sm text-slate-600">
        <Link href="/review/rectification" className="text-teal-800 underline">
          {t("doc.rect.about")}
        </Link>
      </p>
    </ReviewSection>
  );
}

/** One document's card: what it holds, the unit or region picked by name, and the button that opens it. */
function DocumentForm(props: {
  field: "region" | "unit";
  title: string;
  about: string;
  pick: string;
  make: string;
  messages: Messages;
}) {
  return (
    <form
      action={`/review/documents/${props.field}`}
      aria-labelledby={`doc-${props.field}`}
      className="space-y-2 rounded-lg border border-slate-200 bg-white p-3"
    >
      <h2 id={`doc-${props.field}`} className="font-semibold">
        {props.title}
      </h2>
      <p className="text-sm text-slate-600">{props.about}</p>
      <SearchPicker
        name={props.field}
        submit="code"
        kind="target"
        idPrefix="doc-"
        label={props.pick}
        messages={props.messages}
      />
      <SubmitButton pending={false}>{props.make}</SubmitButton>
    </form>
  );
}
