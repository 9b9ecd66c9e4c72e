"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { validatedAction } from "@/lib/actions/validated-action";
import { releasePublicFiguresNow } from "@/lib/public/release-now";
import { saveThresholds } from "@/lib/settings/thresholds";
import { saveThresholdsSchema } from "@/lib/settings/thresholds.validation";

export const saveThresholdsAction = validatedAction(
  "admin:manage",
  saveThresholdsSchema,
  async ({ loadedAt, ...values }, actor) => {
    const changes = await saveThresholds(actor, values, loadedAt);
    revalidatePath("/admin/settings");
    return changes;
  },
);

export const releasePublicFiguresAction = validatedAction("admin:manage", z.object({}), async (_input, actor) => {
  const { releasedAt } = await releasePublicFiguresNow(actor);
  revalidatePath("/admin/settings");
  return releasedAt;
});
