import type { MessageKey, Translate } from "./messages";
import { zhCN } from "./zh-CN";
import type { Messages } from "./client-translator";

/** The translated strings a client component needs, chosen by key prefix, so it gets no more. */
export function pickMessages(t: Translate, prefixes: readonly string[]): Messages {
  const keys = (Object.keys(zhCN) as MessageKey[]).filter((k) => prefixes.some((p) => k.startsWith(p)));
  return Object.fromEntries(keys.map((k) => [k, t(k)]));
}
