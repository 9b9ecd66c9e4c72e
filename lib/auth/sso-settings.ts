/** Single sign-on through the province's OpenID Connect provider, as the environment configures it. */
export type SsoSettings = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The button's words (FINGERTIP_OIDC_NAME). */
  name: string;
  /** The claim holding the person's login (FINGERTIP_OIDC_LOGIN_CLAIM, preferred_username by default). */
  loginClaim: string;
  /** The claim holding the code of the person's unit, for a first sign-in (FINGERTIP_OIDC_UNIT_CLAIM). */
  unitClaim: string | null;
  /** A new account may sign in at once (FINGERTIP_OIDC_APPROVE=auto) or after an administrator enables it. */
  approveAtOnce: boolean;
};

/** The settings, or null when no provider is configured (then there is no single sign-on button). */
export function ssoSettings(env: Record<string, string | undefined> = process.env): SsoSettings | null {
  const issuer = env.FINGERTIP_OIDC_ISSUER?.trim();
  const clientId = env.FINGERTIP_OIDC_CLIENT_ID?.trim();
  const clientSecret = env.FINGERTIP_OIDC_CLIENT_SECRET;
  if (!issuer || !clientId || !clientSecret) return null;
  return {
    issuer: issuer.replace(/\/+$/, ""),
    clientId,
    clientSecret,
    name: env.FINGERTIP_OIDC_NAME?.trim() || "统一身份认证",
    loginClaim: env.FINGERTIP_OIDC_LOGIN_CLAIM?.trim() || "preferred_username",
    unitClaim: env.FINGERTIP_OIDC_UNIT_CLAIM?.trim() || null,
    approveAtOnce: env.FINGERTIP_OIDC_APPROVE === "auto",
  };
}
