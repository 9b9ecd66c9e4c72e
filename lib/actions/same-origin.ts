import "server-only";
import { headers } from "next/headers";
import { AppError } from "@/lib/errors";

/**
 * CSRF defence for anything that changes data: the request must come from a page of this site.
 * Next checks Server Actions' Origin itself but lets a request without one through; this does not.
 */
export async function assertSameOrigin(): Promise<void> {
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host");
  const source = h.get("origin") ?? h.get("referer");
  if (!host || !source) throw new AppError("forbidden");
  let sourceHost: string;
  try {
    sourceHost = new URL(source).host;
  } catch {
    throw new AppError("forbidden");
  }
  if (sourceHost !== host) throw new AppError("forbidden");
}
