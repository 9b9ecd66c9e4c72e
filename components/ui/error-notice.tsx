import Link from "next/link";
import { getTranslator } from "@/lib/i18n/server";

/** A page that says why the reader cannot go on (not found, not theirs), and leads home. */
export async function ErrorNotice({ which }: { which: "forbidden" | "notFound" }) {
  const t = await getTranslator();
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-12">
      <h1 className="text-xl font-semibold">{t(`error.${which}.title`)}</h1>
      <p className="mt-2 text-slate-700">{t(`error.${which}.body`)}</p>
      <Link href="/" className="mt-4 inline-block text-teal-800 underline">
        {t("common.backHome")}
      </Link>
    </main>
  );
}
