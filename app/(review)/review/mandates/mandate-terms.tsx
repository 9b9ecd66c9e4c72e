import type { MessageKey, Translate } from "@/lib/i18n/messages";
import type { MandateListRow } from "@/lib/mandates/list-mandates";

const unit = (t: Translate, u: { name: string; parentName: string | null }) =>
  u.parentName ? t("report.unitUnder", { unit: u.name, parent: u.parentName }) : u.name;

/** Where a mandate comes from and where it stands, in words. */
export function mandateStanding(t: Translate, m: MandateListRow): string {
  const who =
    m.reporters === null ? t("mandate.fewerThan", { k: m.fewerThan }) : t("mandate.reporters", { n: m.reporters });
  const source =
    m.source === "reported"
      ? t(`mandate.source.reported.${m.review ?? "pending"}` as MessageKey, { who })
      : t(`mandate.source.${m.source}` as MessageKey);
  const status =
    m.status === "active" ? "" : ` · ${t(`mandate.status.${m.status}` as MessageKey, { date: m.endedOn ?? "" })}`;
  return source + status;
}

/** A mandate's terms as a short description list. */
export function MandateTerms({ m, t }: { m: MandateListRow; t: Translate }) {
  const rows: [string, string][] = [
    [t("mandate.field.issuerUnitId"), unit(t, m.issuer)],
    [t("mandate.field.targetUnitId"), unit(t, m.target) + (m.appliesToSubtree ? t("mandate.andBelow") : "")],
    [t("mandate.field.channelId"), m.channel.name],
    [t("mandate.field.actions"), m.actions.map((a) => t(`action.${a}` as MessageKey)).join("、")],
    [
      t("mandate.terms"),
      [
        m.assessmentLinked && t("mandate.field.assessmentLinked"),
        m.ranking && t("mandate.field.ranking"),
        m.quota ? t("mandate.quotaOf", { n: m.quota }) : "",
      ]
        .filter(Boolean)
        .join("、") || t("mandate.noTerms"),
    ],
    [t("mandate.document"), m.document ?? "—"],
    [t("mandate.period"), m.since || m.until ? `${m.since ?? "…"} — ${m.until ?? "…"}` : "—"],
    [t("mandate.standing"), mandateStanding(t, m)],
  ];
  if (m.judged)
    rows.push([
      t("mandate.judged"),
      t(`mandate.judged.${m.judged.decision}`, {
        by: m.judged.by ?? "—",
        at: m.judged.at,
        reason: m.judged.reason ?? "—",
      }),
    ]);
  if (m.endedReason)
    rows.push([
      t("mandate.endedReason"),
      m.endedReason === "no_reports" || m.endedReason === "until_passed"
        ? t(`mandate.ended.${m.endedReason}` as MessageKey)
        : m.endedReason,
    ]);
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 rounded-lg border border-slate-200 bg-white p-3 text-sm">
      {rows.map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="text-slate-600">{k}</dt>
          <dd className="break-words">{v}</dd>
        </div>
      ))}
    </dl>
  );
}
