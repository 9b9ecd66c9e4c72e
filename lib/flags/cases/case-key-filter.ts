import { Prisma } from "@/lib/db/generated/client";

const id = (s: string | undefined) => (s !== undefined && /^\d{1,10}$/.test(s) ? Number(s) : null);
const underUnit = (unitId: number) =>
  Prisma.sql`t.unit_id IN (SELECT u.id FROM units u WHERE u.path LIKE (SELECT p.path FROM units p WHERE p.id = ${unitId}) || '%')`;
const naming = (channelId: number) => Prisma.sql`${channelId} = ANY(t.channel_ids)`;

/**
 * The findings one case can hold, read from its key (the shapes of case-rule.ts and the kinds'
 * rules): a superset that the grouping then narrows to the case itself, so that opening one case
 * reads its channel's or township's findings rather than the whole jurisdiction's. Null when the
 * key has no known shape (the caller then reads everything in scope).
 */
export function caseKeyFilter(key: string): Prisma.Sql | null {
  const [shape, a, b] = key.split(":");
  switch (shape) {
    // A cluster joins every duplicate finding that shares a channel with it: all of them are read.
    case "duplicate":
      return Prisma.sql`t.kind = 'duplicate_channel'`;
    case "mandate":
    case "channel":
      return id(shape === "mandate" ? b : a) === null ? null : naming(id(shape === "mandate" ? b : a)!);
    case "usage": {
      const [channel, township] = [id(a), id(b)];
      if (channel === null) return null;
      return township === null ? naming(channel) : Prisma.sql`${naming(channel)} AND ${underUnit(township)}`;
    }
    case "overload": {
      if (a === "issuer") return id(b) === null ? null : Prisma.sql`t.kind = 'overload' AND t.unit_id = ${id(b)}`;
      return id(a) === null
        ? Prisma.sql`t.kind = 'overload'`
        : Prisma.sql`t.kind = 'overload' AND ${underUnit(id(a)!)}`;
    }
    default:
      return null;
  }
}
