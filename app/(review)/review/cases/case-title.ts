import type { MessageKey, Translate } from "@/lib/i18n/messages";
import type { CaseListItem } from "@/lib/flags/cases/list-cases";

/** What a case is about, in words: "县委组织部 · 钉钉", "钉钉 · 白沙镇", "白沙镇的负担过重". */
export function caseTitle(t: Translate, c: CaseListItem): string {
  const parts = { issuer: c.issuer ?? "", channels: c.channels.join("、"), township: c.township ?? "" };
  return t(`case.about.${c.about}` as MessageKey, parts);
}

/** Its size in a line: "3 条标记：重复渠道、僵尸渠道 · 每周 4.5 小时". */
export function caseLine(t: Translate, c: CaseListItem): string {
  const kinds = c.kinds.map((k) => t(`flagKind.${k}` as MessageKey)).join("、");
  return t("case.line", { findings: c.findings, kinds, hours: Math.round(c.burden / 6) / 10 });
}
