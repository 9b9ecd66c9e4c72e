import { describe, expect, it } from "vitest";
import { CLI_ACTOR, type Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db/client";
import { uid } from "@/testing/fixtures";
import { importCsv } from "./run-import";

const importUnits = (text: string, dryRun = false) => importCsv(CLI_ACTOR, { kind: "units", text, dryRun });

describe("importing units", () => {
  it("creates a tree, and the same file again changes nothing", async () => {
    const p = uid("P");
    const file = `code,name,level,parent_code\n${p},某县,county,\n${p}-T1,某镇,township,${p}\n${p}-V1,某村,village,${p}-T1\n`;
    expect(await importUnits(file)).toMatchObject({ created: 3, updated: 0, applied: true, issues: [] });
    expect(await importUnits(file)).toMatchObject({ created: 0, updated: 0, unchanged: 3, applied: true });
    const db = await getDb();
    const [county, village] = await Promise.all([
      db.unit.findUniqueOrThrow({ where: { code: p } }),
      db.unit.findUniqueOrThrow({ where: { code: `${p}-V1` } }),
    ]);
    expect(village.path.startsWith(county.path)).toBe(true);
    expect(village.path.split("/").filter(Boolean)).toHaveLength(3);
  });

  it("moves a unit with its whole subtree when its parent changes", async () => {
    const p = uid("P");
    await importUnits(
      `code,name,level,parent_code\n${p},县,county,\n${p}-A,甲镇,township,${p}\n${p}-B,乙镇,township,${p}\n${p}-V,村,village,${p}-A\n${p}-G,组,village,${p}-V\n`,
    );
    const moved = await importUnits(`code,name,level,parent_code\n${p}-V,村,village,${p}-B\n`);
    expect(moved).toMatchObject({ updated: 1, applied: true });
    const db = await getDb();
    const b = await db.unit.findUniqueOrThrow({ where: { code: `${p}-B` } });
    const g = await db.unit.findUniqueOrThrow({ where: { code: `${p}-G` } });
    expect(g.path.startsWith(b.path)).toBe(true);
    expect(
      await db.auditLog.count({
        where: {
          action: "unit.update",
          entityId: String((await db.unit.findUniqueOrThrow({ where: { code: `${p}-V` } })).id),
        },
      }),
    ).toBe(1);
  });

  it("refuses a whole file with bad rows, naming line and field, and writes nothing", async () => {
    const p = uid("P");
    const db = await getDb();
    const before = await db.unit.count();
    const audit = await db.auditLog.count();
    const result = await importUnits(
      `code,name,level,parent_code\n${p},好县,county,\n${p}-1,镇,town,${p}\n${p}-2,,village,${p}\n${p}-3,村,village,NOPE\n${p},重复,county,\n${p}-4,<script>alert(1)</script>\u0007,village,${p}\n`,
    );
    expect(result.applied).toBe(false);
    expect(result.issues.map((i) => [i.line, i.field, i.code])).toEqual([
      [3, "level", "invalid_choice"],
      [4, "name", "required"],
      [5, "parent_code", "unknown_unit"],
      [6, "code", "duplicate_row"],
      [7, "name", "control_chars"],
    ]);
    expect(await db.unit.count()).toBe(before);
    expect(await db.auditLog.count()).toBe(audit);
  });

  it("refuses a parent chain that loops", async () => {
    const p = uid("P");
    await importUnits(`code,name,level,parent_code\n${p}-A,甲,township,\n${p}-B,乙,village,${p}-A\n`);
    const result = await importUnits(`code,name,level,parent_code\n${p}-A,甲,township,${p}-B\n`);
    expect(result.issues).toEqual([expect.objectContaining({ line: 2, field: "parent_code", code: "cycle" })]);
  });

  it("reports a missing column and a malformed file at their lines", async () => {
    expect((await importUnits("code,name,level\nx,y,county\n")).issues).toEqual([
      { line: 1, field: "parent_code", code: "missing_column" },
    ]);
    expect((await importUnits('code,name,level,parent_code\n"x,y,county,\n')).issues[0]).toMatchObject({
      code: "bad_csv",
    });
  });

  it("a dry run says what would change and changes nothing", async () => {
    const p = uid("P");
    const result = await importUnits(`code,name,level,parent_code\n${p},县,county,\n`, true);
    expect(result).toMatchObject({ created: 1, applied: false, issues: [] });
    expect(await (await getDb()).unit.count({ where: { code: p } })).toBe(0);
  });

  it("is refused to anyone but an administrator", async () => {
    const staff: Actor = { userId: 1, role: "STAFF", via: "web" };
    const reviewer: Actor = { userId: 1, role: "REVIEWER", via: "web" };
    await expect(
      importCsv(staff, { kind: "units", text: "code,name,level,parent_code\n", dryRun: true }),
    ).rejects.toThrow("forbidden");
    await expect(
      importCsv(reviewer, { kind: "units", text: "code,name,level,parent_code\n", dryRun: true }),
    ).rejects.toThrow("forbidden");
  });
});

describe("importing huge or hostile files", () => {
  it("refuses a file over the row limit before touching the database", async () => {
    const { MAX_IMPORT_ROWS } = await import("./import-types");
    const header = "code,name,level,parent_code\n";
    const text = header + "X,名,village,\n".repeat(MAX_IMPORT_ROWS + 1);
    const result = await importCsv(CLI_ACTOR, { kind: "units", text, dryRun: true });
    expect(result.issues).toEqual([expect.objectContaining({ code: "too_many_rows" })]);
  });

  it("ignores unknown columns and accepts a BOM", async () => {
    const p = uid("P");
    const result = await importUnits(`\uFEFFcode,name,level,parent_code,remark\n${p},县,county,,<b>whatever</b>\n`);
    expect(result).toMatchObject({ created: 1, issues: [], applied: true });
  });
});
