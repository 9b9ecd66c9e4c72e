/*
 * The security headers of every response, in one place: the proxy sets them on what Next.js
 * renders, the lean public path on what it serves from memory. No server-only import: both the
 * proxy and the plain Node.js server read it.
 */

/** Scripts allowed by a per-request nonce (pages rendered per request) or by the hashes of the inline scripts of a page served from memory. */
export function contentSecurityPolicy(scripts: { nonce: string } | { hashes: string[] }): string {
  const dev = process.env.NODE_ENV === "development";
  const scriptSrc =
    "nonce" in scripts
      ? `'self' 'nonce-${scripts.nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`
      : ["'self'", ...scripts.hashes.map((h) => `'sha256-${h}'`)].join(" ");
  return [
    "default-src 'self'",
    `script-src ${scriptSrc}`,
    // React and Next set a few style attributes; scripts are where injection matters.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export const STATIC_SECURITY_HEADERS: Record<string, string> = {
  "X-Frame-Options": "DENY",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
};

export const HSTS = "max-age=31536000; includeSubDomains";
