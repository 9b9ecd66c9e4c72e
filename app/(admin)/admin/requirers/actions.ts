"use server";
import { revalidatePath } from "next/cache";
import { validatedAction, type ActionState } from "@/lib/actions/validated-action";
import { actorFromUser } from "@/lib/auth/actor";
import { mapRequirer } from "@/lib/reports/unmapped-requirers";
import { mapRequirerSchema } from "@/lib/users/user.validation";

const map = validatedAction("admin:manage", mapRequirerSchema, async (input, user) => {
  const result = await mapRequirer(actorFromUser(user), input);
  revalidatePath("/admin/requirers");
  return result;
});

export async function mapRequirerAction(prev: ActionState<{ mapped: number }>, formData: FormData) {
  return map(prev, formData);
}
