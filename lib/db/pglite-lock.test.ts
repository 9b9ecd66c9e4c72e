import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { acquireFolderLock } from "./pglite-lock";

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "fingertip-lock-"));

describe("embedded database folder lock", () => {
  it("refuses a folder held by another live process, naming it", () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, "fingertip.lock"), String(process.ppid));
    expect(() => acquireFolderLock(dir)).toThrow(`in use by another process (pid ${process.ppid})`);
  });
  it("takes over a lock left by a process that died", () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, "fingertip.lock"), "999999999");
    const release = acquireFolderLock(dir);
    expect(fs.readFileSync(path.join(dir, "fingertip.lock"), "utf8")).toBe(String(process.pid));
    release();
    expect(fs.existsSync(path.join(dir, "fingertip.lock"))).toBe(false);
  });
});
