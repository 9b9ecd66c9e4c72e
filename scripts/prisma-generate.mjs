// Generates the Prisma client without Prisma's native schema engine, which cannot be downloaded
// on a closed network: `prisma generate` only needs the variable to point at an existing file.
import { spawnSync } from "node:child_process";

const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
  CHECKPOINT_DISABLE: "1",
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
};
const result = spawnSync("npx", ["--no-install", "prisma", "generate", "--schema", "prisma/schema.prisma"], {
  env,
  stdio: "inherit",
});
process.exit(result.status ?? 1);
