import http from "node:http";
import next from "next";
import { createLeanPath } from "@/lib/public/lean-path";
import { STATIC_SECURITY_HEADERS } from "@/lib/security/headers";
import { readBodyWithin, replayRequest } from "./request-body";

/*
 * The production server (`npm start`): Next.js behind a plain Node.js http server, so that the
 * busiest public reads can be answered from memory before Next.js is entered (lib/public/lean-path.ts),
 * and request bodies are measured as they arrive. Everything else — and every first request for a
 * public URL — is Next.js as `next start` runs it.
 */
const port = Number(process.env.PORT ?? 3000);
if (!process.env.NEXTAUTH_URL) {
  // next-auth would otherwise send its forms to http://localhost:3000, whatever the port.
  process.env.NEXTAUTH_URL = `http://localhost:${port}`;
  console.warn(
    `NEXTAUTH_URL is not set: serving as ${process.env.NEXTAUTH_URL}. Set it to the address people open (docs/operations.md).`,
  );
}
const app = next({ dev: false, port, hostname: "localhost" });
const handle = app.getRequestHandler();
await app.prepare();

/** No form of the app sends more than a few KB; the import (its own route) counts its file itself. */
const BODY_LIMIT = 256 * 1024;
const TOO_LARGE = "提交的内容过大（上限 256 KB）。The request sent is too large (limit 256 KB).";
const hasBody = (req: http.IncomingMessage) =>
  req.method !== "GET" && req.method !== "HEAD" && !(req.url ?? "").startsWith("/api/admin/import");

async function withMeasuredBody(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  // A declared length is refused at once; a chunked body is counted as it arrives (finding 9 of issue 15).
  const declared = Number(req.headers["content-length"] ?? 0);
  const body = declared > BODY_LIMIT ? null : await readBodyWithin(req, BODY_LIMIT);
  if (body === null) {
    res.writeHead(413, { "Content-Type": "text/plain; charset=utf-8", ...STATIC_SECURITY_HEADERS }).end(TOO_LARGE);
    return;
  }
  await handle(replayRequest(req, body), res);
}

const lean = createLeanPath(`http://127.0.0.1:${port}`);
const server = http.createServer((req, res) => {
  if (lean(req, res)) return;
  if (!hasBody(req)) return void handle(req, res);
  withMeasuredBody(req, res).catch((error: unknown) => {
    console.error("request body:", error);
    if (!res.headersSent)
      res.writeHead(400, { "Content-Type": "text/plain; charset=utf-8" }).end("请求无效。The request is not valid.");
  });
});
server.keepAliveTimeout = 65_000;
server.listen(port, () => console.log(`Fingertip is serving on http://localhost:${port}`));
// As `next start`: stop at once (the embedded database's lock is released on exit).
for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => process.exit(0));
