import { NothingToPrint, PrintedDocument, PrintedTable } from "@/components/print/printed-document";
import { TitledSection } from "@/components/ui/titled-section";
import { requirePageActor } from "@/lib/auth/current-user";
import { getTranslator } from "@/lib/i18n/server";
import { getRectificationNotice } from "@/lib/review/rectification-notice";
import { searchTerm } from "@/lib/validation/search-term";

/** A rectification notice (整改通知书) to one issuing department, laid out for an A4 page. */
export default async function RectificationNoticePage({ params }: { params: Promise<{ code: string }> }) {
  const raw = (await params).code;
  const actor = await requirePageActor("review:view", `/review/rectification/${encodeURIComponent(raw)}`);
  let code = "";
  try {
    code = searchTerm(decodeURIComponent(raw), 64);
  } catch {
    // an address with a broken escape names no department
  }
  const t = await getTranslator();
  const notice = code ? await getRectificationNotice(actor, code, t) : null;
  const back = { href: "/review/rectification", label: t("notice.back") };
  if (!notice) return <NothingToPrint back={back} message={t("notice.none")} />;
  return (
    <PrintedDocument id="notice-title" title={t("notice.title")} back={back} t={t} issued={notice}>
      <p className="font-medium">{t("notice.to", { issuer: notice.issuer.name })}</p>
      <p className="indent-8">{t("notice.body", { office: notice.office })}</p>
      <PrintedTable
        columns={(["no", "item", "deadline", "rules"] as const).map((c) => t(`notice.col.${c}`))}
        rows={notice.items.map((item, i) => [
          i + 1,
          item.explanation,
          <span key="d" className="whitespace-nowrap">
            {item.deadline || t("notice.noDeadline")}
          </span>,
          item.rules.length ? item.rules.map((r) => r.article).join("；") : t("notice.noRules"),
        ])}
      />
      {notice.rules.length > 0 && (
        <TitledSection
          id="notice-rules"
          title={t("notice.rulesTitle")}
          className="space-y-1 text-sm"
          headingClassName="font-medium"
        >
          <ol className="list-decimal space-y-1 pl-6">
            {notice.rules.map((r) => (
              <li key={r.id}>
                {r.source}：{r.article}
              </li>
            ))}
          </ol>
        </TitledSection>
      )}
    </PrintedDocument>
  );
}
