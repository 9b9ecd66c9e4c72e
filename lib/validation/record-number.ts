import { z } from "zod";

/** The largest id or version PostgreSQL's `integer` holds: anything above is refused, not sent to the database. */
const MAX_INT4 = 2_147_483_647;

/** A row id or version from a form: a whole number within the database's range, else `error`. */
export const recordNumber = (min: 0 | 1, error = "invalid") =>
  z.coerce.number({ error }).int(error).min(min, error).max(MAX_INT4, error);
