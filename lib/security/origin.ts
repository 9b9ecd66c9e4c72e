const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/i;

/** The site's public origin, as configured (NEXTAUTH_URL; `npm start` sets it to http://localhost:PORT when unset). */
export function publicOrigin(): string | null {
  try {
    return process.env.NEXTAUTH_URL ? new URL(process.env.NEXTAUTH_URL).origin : null;
  } catch {
    return null;
  }
}

/**
 * Whether a request that changes data comes from a page of this site: its Origin (or Referer) is
 * the configured public origin — or, for a copy run on one's own machine, the loopback address the
 * browser itself addressed (its Host header). X-Forwarded-Host is never trusted: anyone can send it.
 */
export function fromThisSite(source: string | null, host: string | null): boolean {
  if (!source) return false;
  let origin: URL;
  try {
    origin = new URL(source);
  } catch {
    return false;
  }
  if (origin.origin === publicOrigin()) return true;
  return (
    host !== null &&
    LOOPBACK.test(host) &&
    origin.host === host &&
    (origin.protocol === "http:" || origin.protocol === "https:")
  );
}
