const BASE = "http://fingertip.invalid";

/**
 * A path on this site to send someone to after signing in, or null. The path is resolved as a
 * browser resolves it — tabs and line breaks dropped, backslashes read as slashes — and accepted
 * only when it stays on this site: "/\t/evil.example" is "//evil.example" to a browser, another
 * site. What comes back is the resolved path, so it holds nothing a browser would read otherwise
 * (and nothing that cannot go into a Location header).
 */
export function safeRedirectPath(next: unknown): string | null {
  if (typeof next !== "string" || !next.startsWith("/") || next.length > 2048) return null;
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return null;
  }
  if (url.origin !== BASE) return null;
  return url.pathname + url.search + url.hash;
}
