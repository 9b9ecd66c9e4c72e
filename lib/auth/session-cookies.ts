/** The cookie names next-auth gives the session (over plain HTTP and over HTTPS). No server-only import: the proxy reads it too. */
export const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"] as const;
