import { z } from "zod";
import type { UnitLevel } from "@/lib/db/generated/client";
import { childPath } from "@/lib/units/unit-path";
import { writeAuditMany } from "@/lib/audit/write-audit";
import { bulkColumns, bulkInsert } from "@/lib/db/bulk-insert";
import { UNIT_LEVELS } from "@/lib/vocabulary";
import type { RowIssue } from "./import-types";
import { changeOf, chunk, findDuplicates, type ImportChange, type Planner } from "./planner";
import { choice, code, requiredText, text } from "./row-fields";

const schema = z.object({
  code: code(),
  name: requiredText(100),
  level: choice(UNIT_LEVELS),
  parent_code: text(64),
});
type UnitRow = z.output<typeof schema>;
type Node = { id: number | null; code: string; name: string; level: UnitLevel; parent: string | null; path: string };

export const unitsPlanner: Planner<UnitRow> = {
  schema: () => schema,
  async plan(rows, db) {
    const existing = await db.unit.findMany({
      select: { id: true, code: true, name: true, level: true, path: true, parent: { select: { code: true } } },
    });
    const nodes = new Map<string, Node>(
      existing.map((u) => [
        u.code,
        { id: u.id, code: u.code, name: u.name, level: u.level, parent: u.parent?.code ?? null, path: u.path },
      ]),
    );
    const issues: RowIssue[] = findDuplicates(rows, (r) => r.code, "code");
    const before = new Map([...nodes].map(([k, v]) => [k, { ...v }]));
    for (const { row } of rows) {
      const prev = nodes.get(row.code);
      nodes.set(row.code, {
        id: prev?.id ?? null,
        code: row.code,
        name: row.name,
        level: row.level,
        parent: row.parent_code || null,
        path: prev?.path ?? "",
      });
    }
    for (const { line, row } of rows) {
      if (row.parent_code && !nodes.has(row.parent_code))
        issues.push({ line, field: "parent_code", code: "unknown_unit", value: row.parent_code });
      else if (hasCycle(nodes, row.code))
        issues.push({ line, field: "parent_code", code: "cycle", value: row.parent_code });
    }
    const fileCodes = new Set(rows.map((r) => r.row.code));
    const created = [...fileCodes].filter((c) => !before.has(c));
    const updated = new Set(
      [...fileCodes].filter((c) => {
        const b = before.get(c);
        const n = nodes.get(c)!;
        return b && (b.name !== n.name || b.level !== n.level || b.parent !== n.parent);
      }),
    );
    return {
      issues,
      created: created.length,
      updated: updated.size,
      unchanged: fileCodes.size - created.length - updated.size,
      accountsCreated: 0,
      changes(limit) {
        const cells = (n: { name: string; level: string; parent: string | null }) => ({
          name: n.name,
          level: n.level,
          parent_code: n.parent ?? "",
        });
        const out: ImportChange[] = [];
        const seen = new Set<string>();
        for (const { line, row } of rows) {
          if (out.length >= limit) break;
          if (seen.has(row.code) || (before.has(row.code) && !updated.has(row.code))) continue;
          seen.add(row.code);
          const b = before.get(row.code);
          out.push(changeOf(line, row.code, b ? cells(b) : null, cells(nodes.get(row.code)!)));
        }
        return out;
      },
      async apply(tx, actorId, progress) {
        // New units first (paths are filled in below, once every id is known).
        const made = await bulkInsert<{ id: number; code: string }>(
          tx,
          "units",
          bulkColumns('code text, name text, level text::"UnitLevel", path text, updated_at text::timestamp'),
          created.map((c) => [c, nodes.get(c)!.name, nodes.get(c)!.level, "", new Date().toISOString()]),
          { returning: "id, code" },
        );
        progress("units", made.length, created.length);
        const ids = new Map([...before.values()].map((u) => [u.code, u.id!]));
        for (const u of made) ids.set(u.code, u.id);
        for (const n of nodes.values()) n.id = ids.get(n.code)!;
        // Recompute every path from the final tree: a move changes a whole subtree's paths.
        const computed = new Map<string, string>();
        const pathOf = (c: string): string => {
          const known = computed.get(c);
          if (known) return known;
          const n = nodes.get(c)!;
          const p = childPath(n.parent ? pathOf(n.parent) : null, n.id!);
          computed.set(c, p);
          return p;
        };
        const changedRows = [...nodes.values()].filter((n) => {
          const b = before.get(n.code);
          return !b || pathOf(n.code) !== b.path || updated.has(n.code);
        });
        for (const part of chunk(changedRows, 5000)) {
          await tx.$executeRaw`
            UPDATE units SET name = v.name, level = v.level::"UnitLevel", path = v.path, parent_id = v.parent_id,
                   version = units.version + 1, updated_at = now()
            FROM unnest(${part.map((n) => n.id!)}::int[], ${part.map((n) => n.name)}::text[], ${part.map((n) => n.level)}::text[],
                        ${part.map((n) => pathOf(n.code))}::text[], ${part.map((n) => (n.parent ? ids.get(n.parent)! : null))}::int[])
                 AS v(id, name, level, path, parent_id)
            WHERE units.id = v.id`;
        }
        await writeAuditMany(
          tx,
          [...created, ...updated].map((c) => ({
            actorId,
            action: before.has(c) ? "unit.update" : "unit.create",
            entity: "unit",
            entityId: ids.get(c),
            before: before.get(c) && strip(before.get(c)!),
            after: strip(nodes.get(c)!),
          })),
        );
      },
    };
  },
};

function strip(n: Node) {
  return { code: n.code, name: n.name, level: n.level, parent_code: n.parent };
}

function hasCycle(nodes: Map<string, Node>, start: string): boolean {
  const seen = new Set<string>();
  for (let c: string | null = start; c; c = nodes.get(c)?.parent ?? null) {
    if (seen.has(c)) return true;
    seen.add(c);
  }
  return false;
}
