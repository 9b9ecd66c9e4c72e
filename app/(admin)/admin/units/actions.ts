"use server";
import { revalidatePath } from "next/cache";
import { validatedAction } from "@/lib/actions/validated-action";
import { createUnit, editUnit } from "@/lib/units/manage-units";
import { createUnitSchema, editUnitSchema } from "@/lib/units/unit.validation";

export const createUnitAction = validatedAction("admin:manage", createUnitSchema, async (input, actor) => {
  const made = await createUnit(actor, input);
  revalidatePath("/admin/units");
  return made;
});

export const editUnitAction = validatedAction("admin:manage", editUnitSchema, async (input, actor) => {
  await editUnit(actor, input);
  revalidatePath("/admin/units");
  return true;
});
