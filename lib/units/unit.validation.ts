import { z } from "zod";
import { recordNumber } from "@/lib/ledger/record-id";
import { ONE_LINE_CONTROL } from "@/lib/ledger/control-chars";
import { UNIT_LEVELS } from "@/lib/ledger/vocabulary";

const name = z.string().trim().min(1, "required").max(100, "too_long").refine((v) => !ONE_LINE_CONTROL.test(v), "control_chars");
const code = z.string().trim().min(1, "required").max(64, "too_long").regex(/^[\p{L}\p{N}_.-]+$/u, "invalid_code");
const parentCode = z.union([z.literal(""), code]).optional().transform((v) => v || null);
const version = recordNumber(1);

export const createUnitSchema = z.object({ code, name, level: z.enum(UNIT_LEVELS, { error: "invalid_choice" }), parentCode });

/** One form edits a unit: rename, move (new parent code) or retire, checked against the version loaded. */
export const editUnitSchema = z.object({
  unitId: recordNumber(1),
  version,
  name,
  parentCode,
  retire: z.enum(["", "on"]).optional().transform((v) => v === "on"),
});
