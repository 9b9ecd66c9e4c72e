import type { MandateEvidence } from "@/lib/flags/expand-evidence";
import { ruleWords } from "@/lib/flags/explain-flag";
import type { PolicyRule } from "@/lib/flags/policy-rules";
import type { ReactNode } from "react";
import { isMessageKey, type MessageKey, type Translate } from "@/lib/i18n/messages";

// Stored evidence is read loosely: a flag's evidence may hold a mandate as a whole row or by id.
type Mandate = Partial<MandateEvidence>;
type Rule = Partial<PolicyRule>;
type Report = { installedOn?: string | null; lastUsedOn?: string | null; onlyForFigures?: boolean };

const cell = "border-b border-slate-200 px-2 py-1 text-left align-top";

type Column = MessageKey extends infer K ? (K extends `review.evidence.col.${infer C}` ? C : never) : never;

/** A table of evidence: a caption for screen readers, one header cell per column. */
function EvidenceTable(props: { caption: string; columns: readonly Column[]; t: Translate; children: ReactNode }) {
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full bg-white text-sm">
        <caption className="sr-only">{props.caption}</caption>
        <thead>
          <tr>
            {props.columns.map((c) => (
              <th key={c} scope="col" className={`${cell} whitespace-nowrap`}>
                {props.t(`review.evidence.col.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
    </div>
  );
}

function MandateTable({ mandates, t }: { mandates: Mandate[]; t: Translate }) {
  return (
    <EvidenceTable
      caption={t("review.evidence.mandates")}
      columns={["issuer", "unit", "channel", "actions", "assessment", "ranking", "quota", "document"]}
      t={t}
    >
      {mandates.map((m, i) => (
        <tr key={m.mandateId ?? i}>
          <td className={cell}>{m.issuerName ?? m.issuer}</td>
          <td className={cell}>{m.unitName ?? m.unit}</td>
          <td className={cell}>{m.channel}</td>
          <td className={cell}>
            {(m.actions ?? [])
              .map((a) => (isMessageKey(`action.${a}`) ? t(`action.${a}` as MessageKey) : a))
              .join("、")}
          </td>
          <td className={cell}>{m.assessmentLinked ? t("review.yes") : t("review.no")}</td>
          <td className={cell}>{m.ranking ? t("review.yes") : t("review.no")}</td>
          <td className={cell}>{m.quota ?? ""}</td>
          <td className={cell}>
            {m.document ?? ""}
            {m.source === "reported"
              ? t(m.review === "confirmed" ? "review.evidence.reportedConfirmed" : "review.evidence.reported")
              : ""}
            {m.status === "revoked"
              ? t("review.evidence.revoked")
              : m.status === "ended"
                ? t("review.evidence.ended")
                : ""}
          </td>
        </tr>
      ))}
    </EvidenceTable>
  );
}

/** A flag's evidence as tables and lists a reviewer can read (already redacted for them). */
export function EvidenceView({ evidence, t }: { evidence: Record<string, unknown>; t: Translate }) {
  const { mandates, mandate, rules, reports, ...rest } = evidence as {
    mandates?: Mandate[];
    mandate?: Mandate;
    rules?: Rule[];
    reports?: Report[] | { withheld: true; count: number };
  };
  return (
    <div className="space-y-3 text-sm" data-testid="evidence">
      {(mandates || mandate) && <MandateTable mandates={mandates ?? [mandate!]} t={t} />}
      {rules && (
        <ul className="space-y-1">
          {rules.map((r, i) => (
            <li key={r.id ?? i} className="rounded border border-slate-200 bg-white p-2">
              <p>{ruleWords(r, t)}</p>
              <p className="text-slate-600">
                {t("review.evidence.rule", { source: r.source ?? "", article: r.article ?? "" })}
              </p>
            </li>
          ))}
        </ul>
      )}
      {reports && !Array.isArray(reports) && (
        <p className="rounded border border-amber-200 bg-amber-50 p-2">
          {t("review.evidence.withheld", { count: reports.count })}
        </p>
      )}
      {Array.isArray(reports) && (
        <EvidenceTable
          caption={t("review.evidence.reports")}
          columns={["installedOn", "lastUsedOn", "onlyForFigures"]}
          t={t}
        >
          {reports.map((r, i) => (
            <tr key={i}>
              <td className={cell}>{r.installedOn ?? ""}</td>
              <td className={cell}>{r.lastUsedOn ?? t("review.evidence.never")}</td>
              <td className={cell}>{r.onlyForFigures ? t("review.yes") : t("review.no")}</td>
            </tr>
          ))}
        </EvidenceTable>
      )}
      {Object.keys(rest).length > 0 && (
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 rounded border border-slate-200 bg-white p-2">
          {Object.entries(rest).map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="text-slate-600">
                {isMessageKey(`review.evidence.key.${k}`) ? t(`review.evidence.key.${k}` as MessageKey) : k}
              </dt>
              <dd className="break-words">{evidenceValue(k, v, t)}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}

/** Codes a piece of evidence holds, in the reader's words: a purpose, the thresholds a person is over, matching signals. */
const VALUE_WORDS: Record<string, string> = { purpose: "purpose", over: "flag.over", signals: "review.signal" };

function evidenceValue(key: string, value: unknown, t: Translate): string {
  const say = (x: unknown) => {
    const prefix = VALUE_WORDS[key];
    const code = `${prefix}.${String(x)}`;
    return prefix && isMessageKey(code) ? t(code as MessageKey) : String(x);
  };
  if (Array.isArray(value)) return value.map(say).join("、");
  if (value && typeof value === "object")
    return Object.entries(value)
      .map(([k, x]) => `${k}: ${String(x)}`)
      .join("；");
  return say(value);
}
