import { runCli } from "@/lib/cli/run-cli";

const code = await runCli(process.argv.slice(2));
// Let everything written to standard output reach a pipe before exiting (large exports, JSON).
await new Promise<void>((resolve) => process.stdout.write("", () => resolve()));
// Exit explicitly: the WebAssembly schema engine keeps timers alive for ~10 s after it is freed.
process.exit(code);
