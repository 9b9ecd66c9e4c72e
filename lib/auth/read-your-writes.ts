import "server-only";
import { cookies } from "next/headers";
import { replicaUrl, writePosition } from "@/lib/db/read-replica";

/*
 * With a read replica, a person must still see what they have just saved: after each write the
 * primary's write position goes into a cookie of theirs, and their reads from the replica wait until
 * it has replayed that far (lib/db/read-replica.ts). Without a replica nothing is set.
 */
const WRITTEN = "ft_written";
const LSN = /^[0-9A-F]{1,8}\/[0-9A-F]{1,8}$/i;

export async function rememberWrite(): Promise<void> {
  const position = await writePosition();
  if (!position) return;
  (await cookies()).set(WRITTEN, position, { httpOnly: true, sameSite: "lax", path: "/", maxAge: 300 });
}

/** The position of this person's last write, if it is recent; anything else in the cookie is ignored. */
export async function lastWrite(): Promise<string | null> {
  if (!replicaUrl()) return null;
  const value = (await cookies()).get(WRITTEN)?.value ?? "";
  return LSN.test(value) ? value : null;
}
