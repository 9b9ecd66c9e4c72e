import "server-only";
import { authorizePerson, type Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db/client";
import { requirersOf, type UnitChoice } from "@/lib/units/requirers";

/** The signed-in staff member's choices of who required a channel (see requirersOf). */
export async function requirersOfMyUnit(actor: Actor): Promise<UnitChoice[]> {
  const user = authorizePerson(actor, "report:write");
  return user.unitId ? requirersOf(await getDb(), user.unitId) : [];
}
