import { execFileSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { Client } from "pg";
import { makeTempDir } from "./test-databases";

/*
 * A PostgreSQL primary and a streaming-replication standby of its own (initdb, pg_basebackup), on
 * two free ports, for the read-replica test: the shared server at 127.0.0.1:5432 is left as it is.
 * PostgreSQL refuses to run as root, so as root the servers run as the postgres user.
 */
const bin = (name: string) => path.join(execFileSync("pg_config", ["--bindir"], { encoding: "utf8" }).trim(), name);
const asRoot = process.getuid?.() === 0;

function run(name: string, args: string[]): string {
  const [command, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", bin(name), ...args]] : [bin(name), args];
  return execFileSync(command, argv, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function configure(dataDir: string, port: number, socketDir: string) {
  fs.appendFileSync(
    path.join(dataDir, "postgresql.conf"),
    `\nport = ${port}\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '${socketDir}'\n` +
      "wal_level = replica\nmax_wal_senders = 4\nhot_standby = on\nfsync = off\nsynchronous_commit = off\n",
  );
}

async function query(url: string, sql: string) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as Record<string, unknown>[];
  } finally {
    await client.end();
  }
}

export type ReplicaPair = {
  primaryUrl: string;
  replicaUrl: string;
  /** SQL on the standby itself (pausing and resuming its replay). */
  onReplica: (sql: string) => Promise<Record<string, unknown>[]>;
  stopReplica: () => void;
  stop: () => void;
};

export async function startReplicaPair(database = "fingertip"): Promise<ReplicaPair> {
  const dir = makeTempDir("fingertip-replica");
  if (asRoot) execFileSync("chown", ["postgres:postgres", dir]);
  const [primaryPort, replicaPort] = [await freePort(), await freePort()];
  const primary = path.join(dir, "primary");
  const standby = path.join(dir, "standby");
  run("initdb", ["-D", primary, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8", "--locale=C"]);
  configure(primary, primaryPort, dir);
  run("pg_ctl", ["-D", primary, "-l", path.join(dir, "primary.log"), "-w", "start"]);
  const url = (port: number, db: string) => `postgres://postgres@127.0.0.1:${port}/${db}`;
  await query(url(primaryPort, "postgres"), `CREATE DATABASE "${database}"`);
  // -R writes the standby's connection to the primary, which streams to it from then on; -c fast
  // checkpoints at once (by default the backup waits for a spread-out checkpoint, over a minute).
  const source = ["-h", "127.0.0.1", "-p", String(primaryPort), "-U", "postgres"];
  run("pg_basebackup", [...source, "-D", standby, "-R", "-X", "stream", "-c", "fast"]);
  configure(standby, replicaPort, dir);
  run("pg_ctl", ["-D", standby, "-l", path.join(dir, "standby.log"), "-w", "start"]);
  const replicaUrl = url(replicaPort, database);
  const stopServer = (data: string) => {
    try {
      run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
    } catch {
      // already stopped
    }
  };
  return {
    primaryUrl: url(primaryPort, database),
    replicaUrl,
    onReplica: (sql) => query(replicaUrl, sql),
    stopReplica: () => stopServer(standby),
    stop: () => {
      stopServer(standby);
      stopServer(primary);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
