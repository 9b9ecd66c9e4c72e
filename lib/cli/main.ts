import { runCli } from "@/lib/cli/run-cli";

// Exit explicitly: the WebAssembly schema engine keeps timers alive for ~10 s after it is freed.
process.exit(await runCli(process.argv.slice(2)));
