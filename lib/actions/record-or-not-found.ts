import "server-only";
import { notFound } from "next/navigation";
import { AppError } from "@/lib/errors";
import { recordNumber } from "@/lib/validation/record-number";

/**
 * The record a detail page shows, or the 404 page. An id that is no whole number in the
 * database's range, a record that does not exist and one outside the reader's reach all look the
 * same: a reader learns nothing of records that are not theirs, and no odd id reaches the database.
 */
export async function recordOrNotFound<T>(id: string, load: (id: number) => Promise<T | null>): Promise<T> {
  const parsed = recordNumber(1).safeParse(id);
  if (!parsed.success) notFound();
  try {
    const found = await load(parsed.data);
    if (found === null) notFound();
    return found;
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}
