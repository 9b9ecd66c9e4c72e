import http from "node:http";
import next from "next";
import { createLeanPath } from "@/lib/public/lean-path";

/*
 * The production server (`npm start`): Next.js behind a plain Node.js http server, so that the
 * busiest public reads can be answered from memory before Next.js is entered (lib/public/lean-path.ts).
 * Everything else — and every first request for a public URL — is Next.js as `next start` runs it.
 */
const port = Number(process.env.PORT ?? 3000);
const app = next({ dev: false, port, hostname: "localhost" });
const handle = app.getRequestHandler();
await app.prepare();

const lean = createLeanPath(`http://127.0.0.1:${port}`);
const server = http.createServer((req, res) => {
  if (!lean(req, res)) void handle(req, res);
});
server.keepAliveTimeout = 65_000;
server.listen(port, () => console.log(`Fingertip is serving on http://localhost:${port}`));
// As `next start`: stop at once (the embedded database's lock is released on exit).
for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => process.exit(0));
