import { isMessageKey, type MessageKey, type Translate } from "@/lib/i18n/messages";

/**
 * Parameters stored as codes (comma-separated when several), shown in the reader's words: a
 * purpose, the thresholds a person is over, the rules a mandate breaks. A value without words
 * (text stored before codes were) is shown as it is.
 */
const CODED: Record<string, string> = {
  purpose: "purpose",
  over: "flag.over",
  rules: "policy.rule",
  demanded: "action",
};

/** A flag's stored explanation ({key, params}) in the reader's language. */
export function explainFlag(explanation: unknown, t: Translate): string {
  const { key, params } = (explanation ?? {}) as { key?: string; params?: Record<string, string | number> };
  const explainKey = `${key}.explain`;
  if (!isMessageKey(explainKey)) return String(key ?? "");
  const words: Record<string, string | number> = { ...params };
  for (const [name, prefix] of Object.entries(CODED)) {
    const value = words[name];
    if (typeof value !== "string") continue;
    const codes = value.split(",").map((c) => c.trim());
    if (codes.every((c) => isMessageKey(`${prefix}.${c}`)))
      words[name] = codes
        .map((c) => t(`${prefix}.${c}` as MessageKey))
        .join(t(name === "over" ? "flag.over.separator" : "flag.list.separator"));
  }
  // A mandate known from staff reports says so, with how many staff where the count may be shown.
  const source =
    typeof params?.reportedBy === "number"
      ? t("flag.reportedBy", { n: params.reportedBy })
      : typeof params?.reportedByFewerThan === "number"
        ? t("flag.reportedByFew", { k: params.reportedByFewerThan })
        : "";
  const demanded =
    typeof words.demanded === "string" && words.demanded ? t("flag.demanded", { actions: words.demanded }) : "";
  return t(explainKey, words) + demanded + source;
}

/** A policy rule's words in the reader's language (the rule's own text when it has none). */
export function ruleWords(rule: { id?: string; forbids?: string }, t: Translate): string {
  const key = `${CODED.rules}.${rule.id}`;
  return isMessageKey(key) ? t(key) : (rule.forbids ?? "");
}
