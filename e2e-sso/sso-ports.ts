/** Where the single sign-on test runs: its own provider and its own app instance, beside the main e2e server. */
const providerPort = Number(process.env.SSO_PROVIDER_PORT ?? 3251);
const appPort = Number(process.env.SSO_APP_PORT ?? 3252);

export const SSO = {
  providerPort,
  appPort,
  issuer: `http://127.0.0.1:${providerPort}`,
  app: `http://127.0.0.1:${appPort}`,
  clientId: "fingertip",
  clientSecret: "a test client's secret",
};
