import Link from "next/link";
import { getTranslator } from "@/lib/i18n/server";

export default async function NotFound() {
  const t = await getTranslator();
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-12">
      <h1 className="text-xl font-semibold">{t("error.notFound.title")}</h1>
      <p className="mt-2 text-slate-700">{t("error.notFound.body")}</p>
      <Link href="/" className="mt-4 inline-block text-teal-800 underline">
        {t("common.backHome")}
      </Link>
    </main>
  );
}
