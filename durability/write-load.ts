import { actorFromUser } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import type { SessionUser } from "@/lib/auth/session-user";
import { getDb } from "@/lib/db/client";
import { reportSchema } from "@/lib/reports/report.validation";
import { saveMyReport } from "@/lib/reports/save-my-report";

/*
 * Self-reports written by many clients at once through the same data layer the app uses, each
 * client as its own staff member. A write counts as acknowledged only when saveMyReport returned;
 * a failed write is retried with the same submission key, as the form does, so a write that
 * committed but whose answer was lost is not written twice.
 */
export type Ack = { userId: number; channelId: number; reportId: number };

export async function seedWriters(
  clients: number,
  channels: number,
): Promise<{ users: SessionUser[]; channelIds: number[] }> {
  const db = await getDb();
  const unit = await db.unit.create({
    data: { code: `DUR${Date.now()}`, name: "耐久测试村", level: "village", path: "" },
  });
  await db.unit.update({ where: { id: unit.id }, data: { path: `/${unit.id}/` } });
  const passwordHash = await hashPassword("durability-2026");
  const users: SessionUser[] = [];
  for (let i = 0; i < clients; i++) {
    const u = await db.user.create({
      data: { login: `dur${unit.id}-${i}`, name: `耐久${i}`, role: "STAFF", unitId: unit.id, passwordHash },
    });
    users.push({ id: u.id, login: u.login, name: u.name, role: "STAFF", unitId: unit.id, jurisdictionPath: null });
  }
  const created = await db.channel.createManyAndReturn({
    data: Array.from({ length: channels }, (_, i) => ({
      name: `耐久渠道${unit.id}-${i}`,
      normalizedName: `耐久渠道${unit.id}-${i}`,
      kind: "app" as const,
      purpose: "other" as const,
    })),
    select: { id: true },
  });
  return { users, channelIds: created.map((c) => c.id) };
}

/** Runs every client until `stop()` says so; calls `onAck` after each acknowledged write. */
export async function runWriters(options: {
  users: SessionUser[];
  channelIds: number[];
  stop: () => boolean;
  onAck: (ack: Ack) => void;
  onError?: (error: unknown) => void;
}): Promise<void> {
  await Promise.all(
    options.users.map(async (user, client) => {
      for (let n = 0; n < options.channelIds.length && !options.stop(); n++) {
        const channelId = options.channelIds[n]!;
        const input = reportSchema.parse({
          channelId: String(channelId),
          actions: ["install"],
          accounts: "1",
          minutesPerWeek: String(10 + (n % 50)),
          installedOn: "2026-01-01",
          lastUsedOn: "2026-02-01",
          submissionKey: `durability-${client}-${n}`,
        });
        for (;;) {
          try {
            const saved = await saveMyReport(actorFromUser(user), input);
            options.onAck({ userId: user.id, channelId, reportId: saved.reportId });
            break;
          } catch (error) {
            options.onError?.(error);
            if (options.stop()) return;
            await new Promise((r) => setTimeout(r, 100));
          }
        }
      }
    }),
  );
}

/** The acknowledged writes that the database does not hold (exactly as acknowledged). */
export async function missingAcks(acks: Ack[]): Promise<Ack[]> {
  const db = await getDb();
  const missing: Ack[] = [];
  for (let i = 0; i < acks.length; i += 1000) {
    const slice = acks.slice(i, i + 1000);
    const rows = await db.report.findMany({
      where: { id: { in: slice.map((a) => a.reportId) } },
      select: { id: true, reporterId: true, channelId: true },
    });
    const found = new Map(rows.map((r) => [r.id, r]));
    for (const a of slice) {
      const r = found.get(a.reportId);
      if (!r || r.reporterId !== a.userId || r.channelId !== a.channelId) missing.push(a);
    }
  }
  return missing;
}
