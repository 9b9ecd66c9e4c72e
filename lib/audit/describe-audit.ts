import { isMessageKey, type MessageKey, type Translate } from "@/lib/i18n/messages";

/**
 * An audit entry in the reader's words: what was done (a sentence naming the record) and what
 * changed (field: before → after). Every action written in lib/ has a sentence in the
 * dictionaries (audit.did.*; a test holds them in step); fields and coded values without words
 * are left out rather than shown as codes.
 */
export type AuditEntryView = {
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
};

/** Group of an action, for the filter: the part before the first dot (flag.confirm → flag). */
export const AUDIT_KINDS = [
  "flag",
  "case",
  "mandate",
  "report",
  "channel",
  "known_product",
  "unit",
  "user",
  "invitation",
  "import",
  "settings",
  "public",
  "flags",
] as const;

const CODED_VALUES: Record<string, (entity: string) => string | null> = {
  status: (entity) =>
    entity === "flag"
      ? "flagStatus"
      : entity === "channel"
        ? "catalogue.status"
        : entity === "mandate"
          ? "audit.mandateStatus"
          : null,
  role: () => "role",
  kind: (entity) => (entity === "flag" ? "flagKind" : "kind"),
  purpose: () => "purpose",
  level: () => "level",
  actions: () => "action",
  action: () => "review.recommend",
  review: () => "audit.mandateReview",
};

function value(t: Translate, key: string, entity: string, v: unknown): string | null {
  if (v === null || v === undefined || v === "") return t("audit.empty");
  if (typeof v === "boolean") return t(v ? "audit.yes" : "audit.no");
  if (typeof v === "number") return String(v);
  const prefix = CODED_VALUES[key]?.(entity);
  const word = (s: string) => {
    if (!prefix) return s;
    const k = `${prefix}.${s}`;
    return isMessageKey(k) ? t(k) : null;
  };
  if (Array.isArray(v)) {
    const words = v.map((x) => (typeof x === "string" ? word(x) : typeof x === "number" ? String(x) : null));
    return words.every((w) => w !== null) ? words.join("、") || t("audit.empty") : null;
  }
  if (typeof v === "string") return word(v);
  return null;
}

/** "名称：旧 → 新；状态：在用 → 已停用" — the fields that have words, before and after. */
export function describeChange(t: Translate, e: AuditEntryView): string {
  const before = (e.before && typeof e.before === "object" && !Array.isArray(e.before) ? e.before : {}) as Record<
    string,
    unknown
  >;
  const after = (e.after && typeof e.after === "object" && !Array.isArray(e.after) ? e.after : {}) as Record<
    string,
    unknown
  >;
  const parts: string[] = [];
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const label = `audit.field.${key}`;
    if (!isMessageKey(label)) continue;
    const was = key in before ? value(t, key, e.entity, before[key]) : null;
    const now = key in after ? value(t, key, e.entity, after[key]) : null;
    if (was === null && now === null) continue;
    if (key in before && key in after) {
      if (JSON.stringify(before[key]) === JSON.stringify(after[key])) continue;
      parts.push(`${t(label as MessageKey)}：${was ?? "…"} → ${now ?? "…"}`);
    } else parts.push(`${t(label as MessageKey)}：${now ?? was}`);
  }
  return parts.join(t("audit.separator"));
}

/** What was done, as a sentence naming the record ("确认了标记 #12", "修改了渠道“钉钉”"). */
export function describeAction(t: Translate, e: AuditEntryView, name: string | null): string {
  const key = `audit.did.${e.action.replaceAll(".", "_")}`;
  const subject = name ?? (e.entityId ? `#${e.entityId}` : "");
  return isMessageKey(key) ? t(key, { name: subject }) : t("audit.did.other", { name: subject });
}
