import { z } from "zod";
import { recordNumber } from "@/lib/validation/record-number";
import { requiredLine } from "@/lib/validation/clean-text";
import { UNIT_LEVELS } from "@/lib/vocabulary";

const name = requiredLine(100);
const code = z
  .string()
  .trim()
  .min(1, "required")
  .max(64, "too_long")
  .regex(/^[\p{L}\p{N}_.-]+$/u, "invalid_code");
const parentCode = z
  .union([z.literal(""), code])
  .optional()
  .transform((v) => v || null);
const version = recordNumber(1);

export const createUnitSchema = z.object({
  code,
  name,
  level: z.enum(UNIT_LEVELS, { error: "invalid_choice" }),
  parentCode,
});

/** One form edits a unit: rename, move (new parent code) or retire, checked against the version loaded. */
export const editUnitSchema = z.object({
  unitId: recordNumber(1),
  version,
  name,
  parentCode,
  retire: z
    .enum(["", "on"])
    .optional()
    .transform((v) => v === "on"),
});
