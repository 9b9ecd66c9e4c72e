import type { MessageKey } from "./messages";

export type Messages = Partial<Record<MessageKey, string>>;

/** Reads a picked message, filling `{name}` placeholders like the server's translator. */
function fill(messages: Messages, key: MessageKey, params?: Record<string, string | number>): string {
  return (messages[key] ?? key).replace(/\{(\w+)\}/g, (whole, name: string) =>
    params && name in params ? String(params[name]) : whole,
  );
}

/** A translator over the strings a client component was handed: t("key", params), like the server's. */
export function translatorOf(
  messages: Messages,
): (key: MessageKey, params?: Record<string, string | number>) => string {
  return (key, params) => fill(messages, key, params);
}
