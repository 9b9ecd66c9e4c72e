import { closeDb, getDb } from "@/lib/db/client";
import { runWriters } from "./write-load";

/*
 * The child of the SIGKILL test: writes self-reports into the embedded database named by
 * FINGERTIP_DATA_DIR and prints one "ack" line per acknowledged write, until it is killed.
 * Arguments: a JSON file holding { users, channelIds }.
 */
const { users, channelIds } = JSON.parse(await (await import("node:fs/promises")).readFile(process.argv[2]!, "utf8"));
await getDb();
process.stdout.write("ready\n");
await runWriters({
  users,
  channelIds,
  stop: () => false,
  onAck: (a) => process.stdout.write(`ack ${a.userId} ${a.channelId} ${a.reportId}\n`),
});
process.stdout.write("done\n");
await closeDb();
