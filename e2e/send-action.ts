import fs from "node:fs";
import { SITE } from "./fixtures";
import { createRequire } from "node:module";
import type { APIRequestContext } from "@playwright/test";

/*
 * Server actions sent straight over HTTP the way React sends them (Flight reply encoding), so a
 * test can give any audience any input, including what no form in a browser would send.
 */
export const routesManifest = JSON.parse(fs.readFileSync(".next/app-path-routes-manifest.json", "utf8")) as Record<
  string,
  string
>;
export const actionsManifest = (
  JSON.parse(fs.readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { workers: Record<string, unknown>; exportedName?: string }>;
  }
).node;

const { encodeReply } = createRequire(`${process.cwd()}/package.json`)(
  "next/dist/compiled/react-server-dom-webpack/client.node.js",
) as {
  encodeReply: (v: unknown) => Promise<FormData | string>;
};

export type ActionField = string | string[] | Blob;

export type ActionReply = {
  status: number;
  body: string;
  ok: boolean | null;
  /** The fields the action named as wrong (empty when it answered without field errors). */
  fieldErrors: Record<string, string[]>;
  refused: boolean;
  internal: boolean;
};

/** A field value that stands for raw bytes (for instance invalid UTF-8), put on the wire as they are. */
export function rawField(bytes: Buffer): string {
  return `\u0000RAW:${bytes.toString("hex")}\u0000`;
}

function rawBytes(value: string): Buffer {
  const m = /^\u0000RAW:([0-9a-f]*)\u0000$/.exec(value);
  return m ? Buffer.from(m[1]!, "hex") : Buffer.from(value, "utf8");
}

/** A refusal for lack of a session or permission, in zh-CN (the tests' locale). */
const REFUSED = ["您没有权限进行此操作。", "登录已失效，请重新登录。"];

/** Posts `fields` to the action `name` from a page that loads it; reads the action's result out of the Flight answer. */
export async function sendAction(
  request: APIRequestContext,
  name: string,
  fields: Record<string, ActionField> = {},
  headers: Record<string, string> = {},
): Promise<ActionReply> {
  const [id, entry] = Object.entries(actionsManifest).find(([, a]) => a.exportedName === name)!;
  // Any page that loads the action will do; the shortest route is the public one where there is one.
  const path = Object.keys(entry.workers)
    .map((w) => routesManifest[w.replace(/^app/, "")]!.replace(/\[[^\]]+\]/g, "1"))
    .sort((a, b) => a.length - b.length)[0]!;
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) form.append(key, v);
  }
  const encoded = await encodeReply(name === "setLocaleAction" ? [form] : [null, form]);
  const entries: [string, string | Blob][] = typeof encoded === "string" ? [["0", encoded]] : [...encoded.entries()];
  // Built by hand, in the encoder's order: the root ("0") must come after the fields it refers to,
  // as a browser sends it (an object of parts would put "0" first and the fields would be lost).
  const boundary = `----fingertip${Date.now().toString(16)}`;
  const parts: Buffer[] = [];
  for (const [key, value] of entries) {
    const file =
      typeof value === "string" ? "" : `; filename="blob"\r\nContent-Type: ${value.type || "application/octet-stream"}`;
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${key}"${file}\r\n\r\n`));
    parts.push(typeof value === "string" ? rawBytes(value) : Buffer.from(await value.arrayBuffer()));
    parts.push(Buffer.from("\r\n"));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  const response = await request.post(path, {
    data: Buffer.concat(parts),
    headers: {
      "Content-Type": `multipart/form-data; boundary=${boundary}`,
      "Next-Action": id,
      Accept: "text/x-component",
      Origin: SITE,
      ...headers,
    },
    maxRedirects: 0,
  });
  const body = await response.text();
  const result = resultOf(body);
  return {
    status: response.status(),
    body,
    ok: typeof result?.ok === "boolean" ? result.ok : null,
    fieldErrors: (result?.fieldErrors as Record<string, string[]> | undefined) ?? {},
    refused: REFUSED.some((m) => body.includes(m)),
    // The generic message of an unexpected failure (with a reference): never an answer to bad input.
    internal: response.status() >= 500 || /请求未能完成|"digest"/.test(body),
  };
}

/** The action's own return value: the Flight line holding an object with `ok`. */
function resultOf(body: string): Record<string, unknown> | null {
  for (const line of body.split("\n")) {
    const json = line.slice(line.indexOf(":") + 1);
    if (!json.startsWith("{")) continue;
    try {
      const value = JSON.parse(json) as Record<string, unknown>;
      if ("ok" in value) return value;
    } catch {
      // not a JSON line of the answer
    }
  }
  return null;
}
