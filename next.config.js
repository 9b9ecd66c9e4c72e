/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite's and the auditor's solver's .wasm files would otherwise be copied into the public static
  // folder, and the schema engine is only for the CLI.
  serverExternalPackages: [
    "pg-boss",
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "@prisma/schema-engine-wasm",
    "highs",
  ],
  // forbidden() → a real 403 for signed-in users without the role.
  experimental: { authInterrupts: true },
  poweredByHeader: false,
};

export default nextConfig;
