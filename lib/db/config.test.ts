import path from "node:path";
import { describe, expect, it } from "vitest";
import { describeTarget, resolveDatabaseTarget } from "./config";

describe("database target", () => {
  it("is the embedded database in .data by default", () => {
    expect(resolveDatabaseTarget({})).toEqual({ kind: "pglite", dataDir: path.resolve(".data") });
  });
  it("honours FINGERTIP_DATA_DIR", () => {
    expect(resolveDatabaseTarget({ FINGERTIP_DATA_DIR: "/tmp/x" })).toEqual({ kind: "pglite", dataDir: "/tmp/x" });
  });
  it("is PostgreSQL when DATABASE_URL is set, and never prints its password", () => {
    const target = resolveDatabaseTarget({ DATABASE_URL: "postgres://u:secret@db.local:6543/ledger" });
    expect(target.kind).toBe("postgres");
    expect(describeTarget(target)).toBe("PostgreSQL at db.local:6543/ledger");
    expect(describeTarget(target)).not.toContain("secret");
  });
});
