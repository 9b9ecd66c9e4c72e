import { LoadingView } from "@/components/loading-view";
import { getTranslator } from "@/lib/i18n/server";

export default async function Loading() {
  const t = await getTranslator();
  return <LoadingView label={t("common.loading")} />;
}
