import "server-only";
import { refreshFlagsAfterChange } from "@/lib/flags/refresh-flags";
import { writeAudit } from "@/lib/audit/write-audit";
import { authorizePerson, type Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db/client";
import type { ChannelKind } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { initialsOf, normalizeName } from "./channel-keys";

/**
 * A staff member adds a channel the catalogue lacks, so they can report it at once. It is marked
 * as proposed by them; the duplicate flags and the admins' catalogue review catch repeats.
 * A name already in the catalogue (as a name or alias) returns that channel instead.
 */
export async function proposeChannel(
  actor: Actor,
  input: { name: string; kind: ChannelKind },
): Promise<{ id: number; name: string }> {
  const user = authorizePerson(actor, "report:write");
  const db = await getDb();
  const existing =
    (await db.channel.findFirst({
      where: { name: input.name },
      select: { id: true, name: true, status: true, mergedIntoId: true },
    })) ??
    (await db.channel.findFirst({
      where: { aliases: { some: { alias: input.name } } },
      select: { id: true, name: true, status: true, mergedIntoId: true },
    }));
  if (existing) {
    if (existing.status === "active") return { id: existing.id, name: existing.name };
    if (existing.status === "merged" && existing.mergedIntoId) {
      const winner = await db.channel.findUniqueOrThrow({
        where: { id: existing.mergedIntoId },
        select: { id: true, name: true },
      });
      return winner;
    }
    throw new AppError("conflict", { name: ["invalid_choice"] });
  }
  const created = await db.$transaction(async (tx) => {
    const channel = await tx.channel.create({
      data: {
        name: input.name,
        normalizedName: normalizeName(input.name),
        initials: initialsOf(input.name),
        kind: input.kind,
        purpose: "other",
        proposedById: user.id,
      },
      select: { id: true, name: true },
    });
    await writeAudit(tx, {
      actorId: user.id,
      action: "channel.propose",
      entity: "channel",
      entityId: channel.id,
      after: { name: input.name, kind: input.kind },
    });
    return channel;
  });
  // A new name may be a known product under another name (duplicate_channel).
  await refreshFlagsAfterChange("channel.propose");
  return created;
}
