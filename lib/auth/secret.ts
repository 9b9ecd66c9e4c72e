import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";

/**
 * next-auth refuses to run in production without a secret. A first start generates one and keeps
 * it beside the embedded data (mode 600), so sessions survive restarts; NEXTAUTH_SECRET wins.
 */
export function resolveAuthSecret(env: Record<string, string | undefined> = process.env): string {
  if (env.NEXTAUTH_SECRET) return env.NEXTAUTH_SECRET;
  const dir = path.resolve(/*turbopackIgnore: true*/ env.FINGERTIP_DATA_DIR?.trim() || ".data");
  const file = path.join(dir, "auth-secret");
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(dir, { recursive: true });
    try {
      fs.writeFileSync(file, randomBytes(32).toString("base64url"), { flag: "wx", mode: 0o600 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    return fs.readFileSync(file, "utf8").trim();
  }
}
