import { defineConfig } from "@playwright/test";
import { SSO } from "./sso-ports";

// The e2e helpers (fixtures.ts) send this address as the Origin of a form.
process.env.E2E_PORT = String(SSO.appPort);

/** Single sign-on against a real OpenID Connect provider on this machine (oidc-provider.ts). */
export default defineConfig({
  testDir: ".",
  testMatch: "sso.spec.ts",
  outputDir: "../test-results/sso",
  workers: 1,
  fullyParallel: false,
  retries: 0,
  reporter: [["list"]],
  timeout: 60_000,
  use: {
    baseURL: SSO.app,
    locale: "zh-CN",
    viewport: { width: 360, height: 740 },
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox"] },
    trace: "retain-on-failure",
  },
  webServer: [
    {
      command: "node --import tsx e2e-sso/oidc-provider.ts",
      cwd: "..",
      url: `${SSO.issuer}/.well-known/openid-configuration`,
      timeout: 60_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
    },
    {
      command: "bash scripts/e2e-server.sh",
      cwd: "..",
      url: `${SSO.app}/api/health`,
      timeout: 180_000,
      reuseExistingServer: false,
      stdout: "ignore",
      stderr: "pipe",
      env: {
        PORT: String(SSO.appPort),
        FINGERTIP_E2E_DATA_DIR: process.env.SSO_DATA_DIR ?? "/tmp/fingertip-sso-e2e",
        FINGERTIP_OIDC_ISSUER: SSO.issuer,
        FINGERTIP_OIDC_CLIENT_ID: SSO.clientId,
        FINGERTIP_OIDC_CLIENT_SECRET: SSO.clientSecret,
        FINGERTIP_OIDC_NAME: "省政务服务统一身份认证",
        FINGERTIP_OIDC_UNIT_CLAIM: "unit",
      },
    },
  ],
});
