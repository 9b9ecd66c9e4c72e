"use server";
import { revalidatePath } from "next/cache";
import { validatedAction } from "@/lib/actions/validated-action";
import { mapRequirer } from "@/lib/reports/unmapped-requirers";
import { mapRequirerSchema } from "@/lib/users/user.validation";

export const mapRequirerAction = validatedAction("admin:manage", mapRequirerSchema, async (input, actor) => {
  const result = await mapRequirer(actor, input);
  revalidatePath("/admin/requirers");
  return result;
});
