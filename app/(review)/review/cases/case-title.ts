import type { MessageKey, Translate } from "@/lib/i18n/messages";
import type { CaseListItem } from "@/lib/flags/cases/list-cases";

/** What a case is about, in words: "县委组织部 · 钉钉", "钉钉 · 白沙镇", "白沙镇的负担过重". */
export function caseTitle(t: Translate, c: CaseListItem): string {
  const parts = { issuer: c.issuer ?? "", channels: c.channels.join("、"), township: c.township ?? "" };
  return t(`case.about.${c.about}` as MessageKey, parts);
}

export function caseKinds(t: Translate, c: CaseListItem): string {
  return c.kinds.map((k) => t(`flagKind.${k}` as MessageKey)).join("、");
}
