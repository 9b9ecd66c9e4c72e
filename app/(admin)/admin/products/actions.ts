"use server";
import { revalidatePath } from "next/cache";
import { validatedAction, type ActionState } from "@/lib/actions/validated-action";
import { actorFromUser } from "@/lib/auth/actor";
import { addKnownProduct } from "@/lib/channels/known-products-store";
import { knownProductSchema } from "@/lib/users/user.validation";

const add = validatedAction("admin:manage", knownProductSchema, async (input, user) => {
  const result = await addKnownProduct(actorFromUser(user), input);
  revalidatePath("/admin/products");
  return result;
});

export async function addKnownProductAction(prev: ActionState<{ id: string }>, formData: FormData) {
  return add(prev, formData);
}
