import fs from "node:fs";
import path from "node:path";
import { StartupError } from "./startup-error";

/**
 * PGlite takes no lock on its folder: two processes writing one folder silently lose data.
 * This lock file (holding the owner's pid) makes the second opener fail with a clear message.
 */
export function acquireFolderLock(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, "fingertip.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: "wx" });
      const release = () => {
        try {
          if (fs.readFileSync(lockPath, "utf8") === String(process.pid)) fs.unlinkSync(lockPath);
        } catch {
          // already gone
        }
      };
      process.once("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number(fs.readFileSync(lockPath, "utf8").trim());
      if (owner === process.pid) return () => {};
      if (Number.isInteger(owner) && owner > 0 && isAlive(owner)) {
        throw new StartupError(
          `The embedded database in ${dataDir} is in use by another process (pid ${owner}); stop it first, or set FINGERTIP_DATA_DIR to another folder.`,
        );
      }
      fs.unlinkSync(lockPath); // left behind by a process that died
    }
  }
  throw new StartupError(`Could not lock the embedded database folder ${dataDir}.`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
