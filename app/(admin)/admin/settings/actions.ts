"use server";
import { revalidatePath } from "next/cache";
import { validatedAction, type ActionState } from "@/lib/actions/validated-action";
import { actorFromUser } from "@/lib/auth/actor";
import { saveThresholds } from "@/lib/settings/thresholds";
import { saveThresholdsSchema } from "@/lib/settings/thresholds.validation";

const save = validatedAction("admin:manage", saveThresholdsSchema, async ({ loadedAt, ...values }, user) => {
  await saveThresholds(actorFromUser(user), values, loadedAt);
  revalidatePath("/admin/settings");
  return true;
});

export async function saveThresholdsAction(prev: ActionState<boolean>, formData: FormData) {
  return save(prev, formData);
}
