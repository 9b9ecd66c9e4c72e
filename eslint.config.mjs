import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: [".next/**", "node_modules/**", "lib/db/generated/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
  {
    // Only the data-access layer talks to the database.
    files: ["app/**", "components/**", "cli/**", "e2e/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["@/lib/db/client", "@/lib/db/generated/*", "@prisma/*"], message: "Go through a lib/ function; only lib/ uses the database client." }] },
      ],
    },
  },
];

export default config;
