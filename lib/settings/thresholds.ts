import "server-only";
import { refreshFlagsAfterChange } from "@/lib/flags/refresh-flags";
import { authorize, type Actor } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit/write-audit";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { DEFAULT_THRESHOLDS, thresholdsSchema, type Thresholds } from "./thresholds.validation";

const KEY = "thresholds";

/** The thresholds in force: stored values over the defaults (a value out of range falls back to its default). */
export async function getThresholds(): Promise<{ values: Thresholds; updatedAt: string | null }> {
  const db = await getDb();
  const row = await db.setting.findUnique({ where: { key: KEY } });
  const merged = { ...DEFAULT_THRESHOLDS, ...((row?.value as Partial<Thresholds> | undefined) ?? {}) };
  const parsed = thresholdsSchema.safeParse(merged);
  return { values: parsed.success ? parsed.data : DEFAULT_THRESHOLDS, updatedAt: row?.updatedAt.toISOString() ?? null };
}

export type ThresholdChange = { name: keyof Thresholds; from: number; to: number };

/** Saves the thresholds; returns what changed (old and new value of each), for the page to say. */
export async function saveThresholds(actor: Actor, values: Thresholds, loadedAt: string): Promise<ThresholdChange[]> {
  authorize(actor, "admin:manage");
  const db = await getDb();
  const changes = await db.$transaction(async (tx) => {
    const row = await tx.setting.findUnique({ where: { key: KEY } });
    if ((row?.updatedAt.toISOString() ?? "") !== loadedAt) throw new AppError("conflict");
    await tx.setting.upsert({ where: { key: KEY }, create: { key: KEY, value: values }, update: { value: values } });
    await writeAudit(tx, {
      actorId: actor.userId,
      action: "settings.thresholds",
      entity: "setting",
      entityId: KEY,
      before: row?.value ?? DEFAULT_THRESHOLDS,
      after: values,
    });
    const before = { ...DEFAULT_THRESHOLDS, ...((row?.value ?? {}) as Partial<Thresholds>) };
    return (Object.keys(values) as (keyof Thresholds)[])
      .filter((k) => before[k] !== values[k])
      .map((name) => ({ name, from: before[name], to: values[name] }));
  });
  await refreshFlagsAfterChange("settings.thresholds");
  return changes;
}
