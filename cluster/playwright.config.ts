import { defineConfig } from "@playwright/test";
import { clusterPorts } from "./cluster-state";

const { lb } = clusterPorts();
// The e2e helpers (send-action.ts, fixtures.ts) send the site's address as the Origin of a form: here, nginx's.
process.env.E2E_PORT = String(lb);

/** The two-instance test: nginx in front of two instances of the production build on one PostgreSQL. */
export default defineConfig({
  testDir: ".",
  testMatch: "cluster.spec.ts",
  outputDir: "../test-results/cluster",
  workers: 1,
  fullyParallel: false,
  retries: 0,
  reporter: [["list"]],
  timeout: 60_000,
  webServer: {
    command: "node --import tsx --conditions=react-server cluster/start-cluster.ts",
    cwd: "..",
    url: `http://127.0.0.1:${lb}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
  },
});
