"use server";
import { validatedAction } from "@/lib/actions/validated-action";
import { mapRequirer } from "@/lib/reports/unmapped-requirers";
import { mapRequirerSchema } from "@/lib/users/user.validation";

export const mapRequirerAction = validatedAction("admin:manage", mapRequirerSchema, mapRequirer, {
  refresh: "/admin/requirers",
});
