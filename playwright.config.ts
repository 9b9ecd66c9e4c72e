import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
export const baseURL = `http://127.0.0.1:${port}`;

// Debian's Chromium: Playwright's own browser cannot be downloaded on a closed network.
const launchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
};

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results/e2e",
  // One worker: journeys sign demo users out, which ends every session of that user at once.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [["list"], ["./e2e/suite-summary-reporter.ts"]],
  timeout: 30_000,
  use: { baseURL, launchOptions, locale: "zh-CN", trace: "retain-on-failure", screenshot: "only-on-failure" },
  projects: [
    // The authorization matrix and the hostile-input corpus send HTTP requests only, and the words of
    // a page do not depend on its width: one width is enough for them.
    {
      name: "phone-360",
      testIgnore: /authz-matrix|hostile-|page-text/,
      use: { ...devices["Desktop Chrome"], viewport: { width: 360, height: 740 }, isMobile: false, hasTouch: true },
    },
    // WeChat's and 政务微信's browsers are phones' only.
    {
      name: "desktop-1280",
      testIgnore: /wechat/,
      use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 800 } },
    },
  ],
  webServer: {
    command: "bash scripts/e2e-server.sh",
    url: `${baseURL}/api/health`,
    env: { PORT: String(port) },
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
  },
});
