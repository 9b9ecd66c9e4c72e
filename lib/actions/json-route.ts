import "server-only";
import { randomBytes } from "node:crypto";
import { AppError } from "@/lib/errors";
import { assertSameOrigin } from "./same-origin";

/**
 * The one wrapper for route handlers: a stable JSON error shape ({ error: { code } }) and status
 * codes; requests that change data must come from this site (CSRF). Internals are logged, not sent.
 */
export function jsonRoute<T>(run: (request: Request) => Promise<T>, options: { changesData?: boolean } = {}) {
  return async (request: Request): Promise<Response> => {
    try {
      if (options.changesData) await assertSameOrigin();
      return Response.json(await run(request), { headers: { "Cache-Control": "no-store" } });
    } catch (error) {
      if (error instanceof AppError) {
        return Response.json(
          { error: { code: error.code, fields: error.fieldErrors ?? {} } },
          { status: error.status },
        );
      }
      const ref = randomBytes(4).toString("hex");
      console.error(`[route ${ref}]`, error);
      return Response.json({ error: { code: "internal", ref } }, { status: 500 });
    }
  };
}
