import { Prisma } from "./generated/client";

/** A name read from the catalogue (a table, an index, a constraint) as a quoted SQL identifier. */
export const ident = (name: string) => Prisma.raw(`"${name.replaceAll('"', '""')}"`);
