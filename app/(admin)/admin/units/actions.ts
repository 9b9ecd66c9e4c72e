"use server";
import { validatedAction } from "@/lib/actions/validated-action";
import { createUnit, editUnit } from "@/lib/units/manage-units";
import { createUnitSchema, editUnitSchema } from "@/lib/units/unit.validation";

export const createUnitAction = validatedAction("admin:manage", createUnitSchema, createUnit, {
  refresh: "/admin/units",
});

export const editUnitAction = validatedAction("admin:manage", editUnitSchema, editUnit, { refresh: "/admin/units" });
