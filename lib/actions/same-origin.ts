import "server-only";
import { headers } from "next/headers";
import { AppError } from "@/lib/errors";
import { fromThisSite } from "@/lib/security/origin";

/**
 * CSRF defence for anything that changes data: the request must come from a page of this site.
 * Next checks Server Actions' Origin itself but lets a request without one through; this does not.
 */
export async function assertSameOrigin(): Promise<void> {
  const h = await headers();
  if (!fromThisSite(h.get("origin") ?? h.get("referer"), h.get("host"))) throw new AppError("forbidden");
}
