"use server";
import { validatedAction } from "@/lib/actions/validated-action";
import { addKnownProduct } from "@/lib/channels/known-products-store";
import { knownProductSchema } from "@/lib/users/user.validation";

export const addKnownProductAction = validatedAction("admin:manage", knownProductSchema, addKnownProduct, {
  refresh: "/admin/products",
});
