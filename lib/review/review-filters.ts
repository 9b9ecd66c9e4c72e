import { z } from "zod";
import { ONE_LINE_CONTROL } from "@/lib/validation/clean-text";
import { FLAG_KINDS, FLAG_STATUSES } from "./flag-vocabulary";

const optionalText = (max: number) =>
  z
    .string()
    .max(max)
    .refine((v) => !ONE_LINE_CONTROL.test(v))
    .optional()
    .transform((v) => v?.trim() || undefined);

/** The queue's filters, as they come from the address bar (anything unknown is ignored, not an error). */
export const queueFiltersSchema = z.object({
  kind: z.enum(FLAG_KINDS).optional().catch(undefined),
  status: z
    .enum([...FLAG_STATUSES, "all"])
    .optional()
    .catch(undefined),
  unit: optionalText(64).catch(undefined),
  issuer: optionalText(64).catch(undefined),
  channel: optionalText(100).catch(undefined),
  q: optionalText(100).catch(undefined),
  /** Open for at least this many days. */
  age: z.coerce.number().int().min(0).max(3650).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});

export type QueueFilters = Partial<z.output<typeof queueFiltersSchema>>;
