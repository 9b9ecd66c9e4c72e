import { isMessageKey, type Translate } from "@/lib/i18n/messages";

/** A flag's stored explanation ({key, params}) in the reader's language. */
export function explainFlag(explanation: unknown, t: Translate): string {
  const { key, params } = (explanation ?? {}) as { key?: string; params?: Record<string, string | number> };
  const explainKey = `${key}.explain`;
  return isMessageKey(explainKey) ? t(explainKey, params ?? {}) : String(key ?? "");
}
