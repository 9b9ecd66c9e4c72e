import "server-only";
import { authorizePerson, type Actor } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit/write-audit";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { findMandatesForUnit } from "./my-mandates";
import type { ChannelHit } from "./report-dto";

const dismissedKey = (userId: number) => `me.dismissed.${userId}`;

async function dismissedBy(userId: number): Promise<number[]> {
  const db = await getDb();
  const row = await db.setting.findUnique({ where: { key: dismissedKey(userId) } });
  return Array.isArray(row?.value) ? (row.value as unknown[]).filter((v): v is number => typeof v === "number") : [];
}

/**
 * The channels the ledger says the staff member's unit must use (imported, declared, subtree and
 * reported mandates) that they have not reported nor set aside: what a newcomer confirms, adjusts
 * or dismisses one by one instead of starting from an empty page.
 */
export async function getRequiredOfMyUnit(
  actor: Actor,
): Promise<{ toConfirm: ChannelHit[]; setAside: { id: number; name: string }[] }> {
  const user = authorizePerson(actor, "report:write");
  if (!user.unitId) return { toConfirm: [], setAside: [] };
  const db = await getDb();
  const [mandates, mine, dismissed] = await Promise.all([
    findMandatesForUnit(db, user.unitId, null),
    db.report.findMany({ where: { reporterId: user.id }, select: { channelId: true } }),
    dismissedBy(user.id),
  ]);
  const skip = new Set([...mine.map((r) => r.channelId), ...dismissed]);
  const ids = [...mandates.keys()].filter((id) => !skip.has(id));
  const [channels, setAside] = await Promise.all([
    db.channel.findMany({
      where: { id: { in: ids } },
      select: { id: true, name: true, kind: true },
      orderBy: { name: "asc" },
    }),
    db.channel.findMany({
      where: { id: { in: dismissed }, status: "active" },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
  ]);
  return {
    toConfirm: channels.map((c) => ({ ...c, matched: null, reportId: null, mandates: mandates.get(c.id) ?? [] })),
    setAside,
  };
}

/** "Not required of me" (or, with `restore`, undone): the channel leaves, or returns to, the list of channels to confirm. */
export async function dismissRequiredChannel(actor: Actor, channelId: number, restore = false): Promise<void> {
  const user = authorizePerson(actor, "report:write");
  const db = await getDb();
  if (!(await db.channel.findFirst({ where: { id: channelId }, select: { id: true } })))
    throw new AppError("not_found");
  const before = await dismissedBy(user.id);
  if (before.includes(channelId) !== restore) return;
  const after = restore ? before.filter((id) => id !== channelId) : [...before, channelId];
  await db.$transaction(async (tx) => {
    await tx.setting.upsert({
      where: { key: dismissedKey(user.id) },
      create: { key: dismissedKey(user.id), value: after },
      update: { value: after },
    });
    await writeAudit(tx, {
      actorId: user.id,
      action: restore ? "report.restore_required" : "report.dismiss_required",
      entity: "channel",
      entityId: channelId,
      after: { dismissed: !restore },
    });
  });
}
