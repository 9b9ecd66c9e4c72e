import { z } from "zod";
import { recordNumber } from "@/lib/validation/record-number";
import { ONE_LINE_CONTROL } from "@/lib/validation/clean-text";

/** A case key as the cases list makes it (e.g. `mandate:12:40`), and who takes the case: a colleague, or oneself when absent. */
export const caseOwnerSchema = z.object({
  caseKey: z
    .string()
    .trim()
    .min(1, "required")
    .max(200, "too_long")
    .refine((v) => !ONE_LINE_CONTROL.test(v) && /^[a-z_]+(:[a-z0-9_]+)+$/.test(v), "invalid"),
  ownerId: z.preprocess((v) => (v === "" ? undefined : v), recordNumber(1).optional()),
});
export type CaseOwnerInput = z.output<typeof caseOwnerSchema>;
