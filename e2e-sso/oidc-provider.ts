import Provider from "oidc-provider";
import { SSO } from "./sso-ports";

/*
 * A real OpenID Connect provider for the single sign-on test, as a province's platform would run
 * one: the `oidc-provider` package with its development login and consent pages (any password is
 * taken; the login picks an account below). Its claims carry the login and the unit's code.
 */
const ACCOUNTS: Record<string, { preferred_username: string; name: string; unit: string }> = {
  // The demo county's staff member: linked to the existing account by its login.
  staff: { preferred_username: "staff", name: "演示网格员", unit: "339900001001" },
  // A new person of a known village: an account is made for an administrator to approve.
  newcomer: { preferred_username: "sso-newcomer", name: "新到岗网格员", unit: "339900001002" },
  // A person of a unit the ledger does not hold: refused.
  stranger: { preferred_username: "sso-stranger", name: "外地人员", unit: "999999999" },
};

const provider = new Provider(SSO.issuer, {
  clients: [
    {
      client_id: SSO.clientId,
      client_secret: SSO.clientSecret,
      redirect_uris: [`${SSO.app}/api/auth/callback/oidc`],
      grant_types: ["authorization_code"],
      response_types: ["code"],
    },
  ],
  claims: { openid: ["sub"], profile: ["preferred_username", "name", "unit"] },
  scopes: ["openid", "profile"],
  async findAccount(_ctx, id) {
    const claims = ACCOUNTS[id];
    if (!claims) return undefined;
    return { accountId: id, claims: async () => ({ sub: id, ...claims }) };
  },
  features: { devInteractions: { enabled: true } },
  cookies: { keys: ["a test provider's cookie key"] },
});
provider.listen(SSO.providerPort, "127.0.0.1", () => process.stdout.write(`OpenID provider at ${SSO.issuer}\n`));
