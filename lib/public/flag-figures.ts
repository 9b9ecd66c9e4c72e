import "server-only";
import { Prisma } from "@/lib/db/generated/client";
import type { RawReader } from "@/lib/db/read-all";
import { WHOLE } from "./people-tables";

export type FlagTally = {
  duplicates: number;
  zombies: number;
  cleaned: number;
  found: Map<string, number>;
  cleanedIn: Map<string, number>;
};

type Row = { anc: number; a: bigint | number; b: bigint | number; c: bigint | number };
type MonthRow = { anc: number; month: string; n: bigint | number };

/**
 * Flags about units, channels and mandates (never about one person) counted in each published
 * region (by the unit whose reviewers see them) and in the whole registry: duplicates and zombies still open or confirmed, flags cleaned up, and by month — in
 * Beijing time — the flags found and the clean-ups decided since `since`.
 */
export async function countFlags(
  db: RawReader,
  regions: readonly number[],
  since: Date,
): Promise<Map<number, FlagTally>> {
  const inRegions = regions.length ? Prisma.sql`anc = ANY(${[...regions, WHOLE]}::int[])` : Prisma.sql`anc = ${WHOLE}`;
  // Each flag counts in the regions above the unit that scopes it, and in the whole registry.
  const ancestors = (scope: string) =>
    Prisma.raw(
      `unnest(coalesce(string_to_array(trim(both '/' from (SELECT path FROM units WHERE id = ${scope})), '/')::int[], '{}') || ARRAY[${WHOLE}])`,
    );
  const month = (column: string) => Prisma.raw(`to_char(${column} + interval '8 hours', 'YYYY-MM')`);
  // A finding about one person (their overload, their idle or one-off use) is never counted in
  // public: a count of them in a small group would say something of someone.
  const aboutNoOne = Prisma.sql`f.reporter_id IS NULL`;
  const [totals, found, cleaned] = await Promise.all([
    db.$queryRaw<Row[]>(Prisma.sql`SELECT anc,
        count(*) FILTER (WHERE kind IN ('duplicate_channel', 'duplicate_mandate') AND status IN ('open', 'confirmed')) AS a,
        count(*) FILTER (WHERE kind = 'zombie' AND status IN ('open', 'confirmed')) AS b,
        count(*) FILTER (WHERE status = 'resolved' AND resolved_reason IN ('reviewer', 'merged', 'mandate_revoked', 'mandate_ended')) AS c
      FROM (SELECT f.kind, f.status, f.resolved_reason, ${ancestors("f.scope_unit_id")} AS anc FROM flags f WHERE ${aboutNoOne}) x
      WHERE ${inRegions} GROUP BY anc`),
    db.$queryRaw<MonthRow[]>(Prisma.sql`SELECT anc, m AS month, count(*) AS n
      FROM (SELECT ${month("f.first_seen_at")} AS m, ${ancestors("f.scope_unit_id")} AS anc FROM flags f WHERE f.first_seen_at >= ${since} AND ${aboutNoOne}) x
      WHERE ${inRegions} GROUP BY anc, m`),
    db.$queryRaw<MonthRow[]>(Prisma.sql`SELECT anc, m AS month, count(*) AS n
      FROM (SELECT ${month("d.created_at")} AS m, ${ancestors("f.scope_unit_id")} AS anc FROM flag_decisions d JOIN flags f ON f.id = d.flag_id
            WHERE d.decision IN ('resolve', 'merge') AND d.created_at >= ${since} AND ${aboutNoOne}) x
      WHERE ${inRegions} GROUP BY anc, m`),
  ]);
  const out = new Map<number, FlagTally>();
  const tally = (anc: number) => {
    let t = out.get(anc);
    if (!t) out.set(anc, (t = { duplicates: 0, zombies: 0, cleaned: 0, found: new Map(), cleanedIn: new Map() }));
    return t;
  };
  for (const r of totals)
    Object.assign(tally(Number(r.anc)), { duplicates: Number(r.a), zombies: Number(r.b), cleaned: Number(r.c) });
  for (const r of found) tally(Number(r.anc)).found.set(r.month, Number(r.n));
  for (const r of cleaned) tally(Number(r.anc)).cleanedIn.set(r.month, Number(r.n));
  return out;
}
