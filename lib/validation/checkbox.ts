import { z } from "zod";

/**
 * A checkbox: a browser sends "on" when it is ticked and nothing when it is not; scripts and
 * the API may send "true" or "1". Anything else is refused rather than read as unticked.
 */
export const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal("1"), z.literal("")])
  .optional()
  .transform((v) => v === "on" || v === "true" || v === "1");
