"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { validatedAction, type ActionState } from "@/lib/actions/validated-action";
import { actorFromUser } from "@/lib/auth/actor";
import { releasePublicFiguresNow } from "@/lib/public/release-now";
import { saveThresholds, type ThresholdChange } from "@/lib/settings/thresholds";
import { saveThresholdsSchema } from "@/lib/settings/thresholds.validation";

const save = validatedAction("admin:manage", saveThresholdsSchema, async ({ loadedAt, ...values }, user) => {
  const changes = await saveThresholds(actorFromUser(user), values, loadedAt);
  revalidatePath("/admin/settings");
  return changes;
});

export async function saveThresholdsAction(prev: ActionState<ThresholdChange[]>, formData: FormData) {
  return save(prev, formData);
}

const release = validatedAction("admin:manage", z.object({}), async (_input, user) => {
  const { releasedAt } = await releasePublicFiguresNow(actorFromUser(user));
  revalidatePath("/admin/settings");
  return releasedAt;
});

export async function releasePublicFiguresAction(prev: ActionState<string>, formData: FormData) {
  return release(prev, formData);
}
