import { IncomingMessage } from "node:http";

/** What is read and thrown away after a body passes its limit, so that the sender can finish and read the refusal; past it the connection is cut. */
const DRAIN_LIMIT = 16 * 1024 * 1024;

/**
 * Reads a request's body, counting bytes as they arrive (a chunked body declares no length), up to
 * `limit`: the body, or null once it passes the limit — the rest is then read and dropped (to
 * DRAIN_LIMIT), never kept.
 */
export function readBodyWithin(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off("data", onData);
        let dropped = 0;
        req.on("data", (more: Buffer) => {
          dropped += more.length;
          if (dropped > DRAIN_LIMIT) req.socket.destroy();
        });
        resolve(null);
        return;
      }
      chunks.push(chunk);
    };
    req.on("data", onData);
    req.once("end", () => resolve(Buffer.concat(chunks)));
    req.once("error", reject);
  });
}

/** The same request with its body already read, for Next.js to read again. */
export function replayRequest(req: IncomingMessage, body: Buffer): IncomingMessage {
  const replay = new IncomingMessage(req.socket);
  replay.method = req.method;
  replay.url = req.url;
  replay.httpVersion = req.httpVersion;
  replay.httpVersionMajor = req.httpVersionMajor;
  replay.httpVersionMinor = req.httpVersionMinor;
  replay.headers = req.headers;
  replay.rawHeaders = req.rawHeaders;
  replay.push(body);
  replay.push(null);
  replay.complete = true;
  return replay;
}
