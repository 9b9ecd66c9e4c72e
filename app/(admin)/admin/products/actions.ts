"use server";
import { revalidatePath } from "next/cache";
import { validatedAction } from "@/lib/actions/validated-action";
import { addKnownProduct } from "@/lib/channels/known-products-store";
import { knownProductSchema } from "@/lib/users/user.validation";

export const addKnownProductAction = validatedAction("admin:manage", knownProductSchema, async (input, actor) => {
  const result = await addKnownProduct(actor, input);
  revalidatePath("/admin/products");
  return result;
});
