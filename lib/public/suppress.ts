/**
 * Small-cell suppression over the unit tree. A cell is a unit's subtree; its "people" figures
 * (reporters, hours) are built from reporters and are withheld below the threshold. Withholding
 * one cell is not enough when its parent is published: parent minus the published siblings gives it
 * back. So among the cells under a published parent — its children and its own direct part (staff of
 * the parent unit itself, never shown alone) — if exactly one is withheld, the smallest published
 * child is withheld too (complementary suppression), level by level.
 */
export type Cell = { id: number; parentId: number | null; reporters: number; directReporters: number };

export function suppressedCells(cells: readonly Cell[], threshold: number): Set<number> {
  const suppressed = new Set<number>();
  const children = new Map<number | null, Cell[]>();
  for (const c of cells) {
    if (c.reporters > 0 && c.reporters < threshold) suppressed.add(c.id);
    const list = children.get(c.parentId);
    if (list) list.push(c);
    else children.set(c.parentId, [c]);
  }
  // Deepest parents first: withholding a parent (below) is then checked again one level up.
  const byId = new Map(cells.map((c) => [c.id, c]));
  const depth = (c: Cell): number => {
    let d = 0;
    for (let p = c.parentId === null ? undefined : byId.get(c.parentId); p && d < 64; p = p.parentId === null ? undefined : byId.get(p.parentId)) d++;
    return d;
  };
  const parentsDeepestFirst = [...cells].map((c) => [c, depth(c)] as const).sort((a, b) => b[1] - a[1]).map(([c]) => c);
  for (const parent of parentsDeepestFirst) {
    if (suppressed.has(parent.id)) continue;
    const kids = children.get(parent.id) ?? [];
    // The parent's own staff count as a hidden cell: parent − children reveals them.
    const hiddenDirect = parent.directReporters > 0 && parent.directReporters < threshold ? 1 : 0;
    const withheld = kids.filter((k) => suppressed.has(k.id)).length + hiddenDirect;
    if (withheld !== 1) continue;
    const candidate = kids.filter((k) => !suppressed.has(k.id) && k.reporters > 0).sort((a, b) => a.reporters - b.reporters || a.id - b.id)[0];
    if (candidate) suppressed.add(candidate.id);
    // With no other child to withhold, the lone cell can still be recovered: withhold the parent.
    else if (kids.some((k) => suppressed.has(k.id)) || hiddenDirect) suppressed.add(parent.id);
  }
  return suppressed;
}
