"use server";
import { revalidatePath } from "next/cache";
import { validatedAction, type ActionState } from "@/lib/actions/validated-action";
import { actorFromUser } from "@/lib/auth/actor";
import { createUnit, editUnit } from "@/lib/units/manage-units";
import { createUnitSchema, editUnitSchema } from "@/lib/units/unit.validation";

const create = validatedAction("admin:manage", createUnitSchema, async (input, user) => {
  const made = await createUnit(actorFromUser(user), input);
  revalidatePath("/admin/units");
  return made;
});

export async function createUnitAction(prev: ActionState<{ id: number }>, formData: FormData) {
  return create(prev, formData);
}

const edit = validatedAction("admin:manage", editUnitSchema, async (input, user) => {
  await editUnit(actorFromUser(user), input);
  revalidatePath("/admin/units");
  return true;
});

export async function editUnitAction(prev: ActionState<boolean>, formData: FormData) {
  return edit(prev, formData);
}
