import fs from "node:fs";
import path from "node:path";
import { afterAll, inject, vi } from "vitest";
import { closeDb } from "@/lib/db/client";
import { createPgDatabase, dropPgDatabase, makeTempDir, uniqueName } from "./test-databases";

// Each test file gets its own database, copied from the run's migrated template.
const kind = inject("dbKind");
const template = inject("template");
let cleanup: () => Promise<void>;

if (kind === "postgres") {
  const name = uniqueName("fingertip_test");
  process.env.DATABASE_URL = await createPgDatabase(name, template);
  cleanup = () => dropPgDatabase(name);
} else {
  delete process.env.DATABASE_URL;
  const dir = makeTempDir("fingertip-test");
  fs.cpSync(template, dir, { recursive: true });
  process.env.FINGERTIP_DATA_DIR = dir;
  cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
}
process.env.NEXTAUTH_SECRET ??= "test-secret-" + path.basename(process.cwd());

vi.mock("next/headers", async () => {
  const { cookieStore, requestHeaders } = await import("./request-context");
  return { cookies: async () => cookieStore, headers: async () => requestHeaders };
});

afterAll(async () => {
  await closeDb();
  await cleanup();
});
