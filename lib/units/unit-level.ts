/*
 * The one place that knows where a unit stands in the tree: a department (县妇联, 市网信办) has no
 * level of its own and belongs to the region it hangs under. Client-safe, no database.
 */

type TreeUnit = { level: string; parentId: number | null };

/** Departments may hang under departments; a tree of this product is never deeper than this. */
const MAX_DEPTH = 32;

/** The region a unit belongs to: itself, or for a department its nearest ancestor that is not one (undefined when there is none). */
export function regionOf<U extends TreeUnit>(unit: U, unitById: (id: number) => U | undefined): U | undefined {
  let u: U | undefined = unit;
  for (let hops = 0; u && u.level === "department" && hops < MAX_DEPTH; hops++)
    u = u.parentId === null ? undefined : unitById(u.parentId);
  return u && u.level !== "department" ? u : undefined;
}

/** A unit's level as the rules read it: a department's is its region's (its own when it hangs under none). */
export function effectiveLevel(unit: TreeUnit, unitById: (id: number) => TreeUnit | undefined): string {
  return regionOf(unit, unitById)?.level ?? unit.level;
}
