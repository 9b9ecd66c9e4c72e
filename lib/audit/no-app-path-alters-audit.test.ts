import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Rule: the audit log is append-only. The database enforces it (see audit-log.db.test.ts); this
// guards the app too: no code outside tests may update or delete audit rows.
const FORBIDDEN = [
  /auditLog\.(update|updateMany|upsert|delete|deleteMany)\b/,
  /\b(UPDATE|DELETE\s+FROM|TRUNCATE)\s+"?audit_log/i,
];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "generated" || e.name === "node_modules" ? [] : sourceFiles(p);
    return /\.(ts|tsx)$/.test(e.name) && !/\.test\.ts$/.test(e.name) ? [p] : [];
  });
}

describe("the audit log through the app", () => {
  it("has no code path that updates or deletes entries", () => {
    const files = ["app", "lib", "components"].flatMap(sourceFiles);
    expect(files.length).toBeGreaterThan(50);
    const offenders = files.filter((f) => FORBIDDEN.some((re) => re.test(fs.readFileSync(f, "utf8"))));
    expect(offenders).toEqual([]);
  });
});
