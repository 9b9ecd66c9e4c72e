import { OPENAPI } from "@/lib/public/openapi";

export const dynamic = "force-static";

export function GET(): Response {
  return Response.json(OPENAPI, {
    headers: { "Cache-Control": "public, max-age=3600", "Access-Control-Allow-Origin": "*" },
  });
}
