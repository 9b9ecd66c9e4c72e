import "server-only";
import { requireUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { requirersOf, type UnitChoice } from "@/lib/units/requirers";

/** The signed-in staff member's choices of who required a channel (see requirersOf). */
export async function requirersOfMyUnit(): Promise<UnitChoice[]> {
  const user = await requireUser("report:write");
  return user.unitId ? requirersOf(await getDb(), user.unitId) : [];
}
