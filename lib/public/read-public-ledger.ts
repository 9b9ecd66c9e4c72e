import "server-only";
import { Prisma } from "@/lib/db/generated/client";
import { readAll, type RawReader } from "@/lib/db/read-all";
import { readLines } from "@/lib/db/read-lines";
import type { MandateLine, UnitTree } from "./mandate-figures";
import { WHOLE, type PublicRegion, type PublicReport } from "./people-tables";

/** How deep each level of region sits; villages are never published alone, departments are not regions. */
export const REGION_DEPTH: Record<string, number> = { province: 1, city: 2, county: 3, township: 4 };

export type PublicUnit = {
  id: number;
  code: string;
  name: string;
  level: string;
  parentId: number | null;
  retired: boolean;
};
export type PublicLedger = {
  units: Map<number, PublicUnit>;
  regions: PublicRegion[];
  tree: UnitTree;
  reports: PublicReport[];
  mandates: MandateLine[];
};

/**
 * What the public figures are made from, read in one consistent view: the unit tree, the published
 * regions (down to `floor`), every report of an active channel as its reporter's index, minutes and
 * the one issuer it counts for, and the active mandates. Nothing that names a person is read.
 */
export async function readPublicLedger(db: RawReader, floor: number): Promise<PublicLedger> {
  const unitRows = await readAll(
    db,
    "t.id, t.code, t.name, t.level, t.parent_id, t.retired_at IS NOT NULL",
    Prisma.sql`FROM units t WHERE true`,
  );
  const units = new Map<number, PublicUnit>();
  const children = new Map<number, number[]>();
  for (const [id, code, name, level, parentId, retired] of unitRows as [
    number,
    string,
    string,
    string,
    number | null,
    boolean,
  ][]) {
    units.set(id, { id, code, name, level, parentId, retired });
    if (parentId !== null) children.set(parentId, [...(children.get(parentId) ?? []), id]);
  }
  const published = (u: PublicUnit) => !u.retired && (REGION_DEPTH[u.level] ?? 99) <= floor;
  const chains = new Map<number, readonly number[]>();
  const regionsOf = (unit: number): readonly number[] => {
    const known = chains.get(unit);
    if (known) return known;
    chains.set(unit, [WHOLE]); // a cycle in bad data ends at the whole registry
    const u = units.get(unit);
    const above = u?.parentId != null ? regionsOf(u.parentId) : [WHOLE];
    const chain = u && published(u) ? [unit, ...above] : above;
    chains.set(unit, chain);
    return chain;
  };
  const regions = [...units.values()]
    .filter(published)
    .map((u) => ({ id: u.id, parentId: u.parentId === null ? WHOLE : regionsOf(u.parentId)[0]! }));

  const [reportRows, mandateRows] = await Promise.all([
    readLines(
      db,
      // One issuer per report: the unit its reporter named, else the issuer of the first mandate it
      // answers. Departments' hours then add up to no more than their region's, and no two
      // departments' figures overlap (overlapping ones gave back one person's hours by subtraction).
      [
        "t.id",
        "t.reporter_id",
        "t.unit_id",
        "t.minutes_per_week",
        "t.required_by_unit_id",
        "(SELECT m.issuer_unit_id FROM report_mandates rm JOIN mandates m ON m.id = rm.mandate_id WHERE rm.report_id = t.id AND m.status = 'active' ORDER BY m.id LIMIT 1)",
      ],
      Prisma.sql`FROM reports t JOIN channels c ON c.id = t.channel_id AND c.status = 'active' WHERE t.withdrawn_on IS NULL`,
      (line) => ({
        id: line.int()!,
        reporter: line.int()!,
        unit: line.int()!,
        minutes: line.int()!,
        requiredBy: line.int(),
        firstIssuer: line.int(),
      }),
    ),
    readLines(
      db,
      ["t.id", "t.issuer_unit_id", "t.target_unit_id", "t.channel_id", "t.applies_to_subtree"],
      // A mandate known only from staff reports is published once a reviewer confirms it: counted
      // before, a village's single report would show in its township's mandate count.
      Prisma.sql`FROM mandates t JOIN channels c ON c.id = t.channel_id AND c.status = 'active' WHERE t.status = 'active' AND (t.source <> 'reported' OR t.review = 'confirmed')`,
      (line) => ({
        id: line.int()!,
        issuer: line.int()!,
        target: line.int()!,
        channel: line.int()!,
        subtree: line.bool(),
      }),
    ),
  ]);
  // A person counts where they report from now: the unit of their latest report.
  const home = new Map<number, number>();
  for (const r of reportRows) home.set(r.reporter, r.unit);
  const reports: PublicReport[] = reportRows.map((r) => {
    const issuer = r.requiredBy ?? r.firstIssuer;
    return {
      person: r.reporter,
      part: regionsOf(home.get(r.reporter)!)[0]!,
      issuers: issuer === null ? [] : [issuer],
      minutes: r.minutes,
    };
  });
  const tree: UnitTree = { regionsOf, childrenOf: (unit) => children.get(unit) ?? [] };
  return { units, regions, tree, reports, mandates: mandateRows };
}
