import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;
const dbTests = ["lib/**/*.db.test.ts"];

// Three projects: pure logic, then the data layer once on embedded PGlite and once on PostgreSQL.
export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      "server-only": path.join(root, "node_modules/server-only/empty.js"),
    },
  },
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: "unit", include: ["lib/**/*.test.ts"], exclude: dbTests } },
      ...(["pglite", "postgres"] as const).map((name) => ({
        extends: true as const,
        test: {
          name,
          include: dbTests,
          // Tests of what happens between sessions: PGlite has one.
          exclude: name === "pglite" ? ["lib/**/*.postgres.db.test.ts"] : [],
          globalSetup: ["testing/global-setup.ts"],
          setupFiles: ["testing/setup-db.ts"],
        },
      })),
    ],
  },
});
