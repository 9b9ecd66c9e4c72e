import { describe, expect, it } from "vitest";
import { CLI_ACTOR, type Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db/client";
import { uid } from "@/testing/fixtures";
import { createUnit, editUnit, listUnitLevel } from "./manage-units";

async function tree() {
  const p = uid("P");
  const county = await createUnit(CLI_ACTOR, { code: p, name: "县", level: "county", parentCode: null });
  await createUnit(CLI_ACTOR, { code: `${p}-A`, name: "甲镇", level: "township", parentCode: p });
  await createUnit(CLI_ACTOR, { code: `${p}-B`, name: "乙镇", level: "township", parentCode: p });
  await createUnit(CLI_ACTOR, { code: `${p}-A1`, name: "村", level: "village", parentCode: `${p}-A` });
  await createUnit(CLI_ACTOR, { code: `${p}-A1x`, name: "组", level: "village", parentCode: `${p}-A1` });
  const db = await getDb();
  const get = (code: string) => db.unit.findUniqueOrThrow({ where: { code } });
  return { p, county, get };
}

describe("managing units", () => {
  it("moves a unit with its subtree, and refuses a move under itself", async () => {
    const { p, get } = await tree();
    const a1 = await get(`${p}-A1`);
    await editUnit(CLI_ACTOR, {
      unitId: a1.id,
      version: a1.version,
      name: "新村",
      parentCode: `${p}-B`,
      retire: false,
    });
    const [b, moved, below] = await Promise.all([get(`${p}-B`), get(`${p}-A1`), get(`${p}-A1x`)]);
    expect(moved.path).toBe(`${b.path}${moved.id}/`);
    expect(below.path).toBe(`${moved.path}${below.id}/`);
    expect(moved.name).toBe("新村");
    const a = await get(`${p}-A`);
    await expect(
      editUnit(CLI_ACTOR, {
        unitId: moved.id,
        version: moved.version,
        name: "x",
        parentCode: `${p}-A1x`,
        retire: false,
      }),
    ).rejects.toThrow("invalid_input");
    await expect(
      editUnit(CLI_ACTOR, { unitId: a.id, version: a.version + 5, name: "x", parentCode: p, retire: false }),
    ).rejects.toThrow("conflict");
  });

  it("retires only a unit with no active units below, and keeps it (nothing is deleted)", async () => {
    const { p, get } = await tree();
    const a = await get(`${p}-A`);
    await expect(
      editUnit(CLI_ACTOR, { unitId: a.id, version: a.version, name: a.name, parentCode: p, retire: true }),
    ).rejects.toThrow("invalid_input");
    const leaf = await get(`${p}-A1x`);
    await editUnit(CLI_ACTOR, {
      unitId: leaf.id,
      version: leaf.version,
      name: leaf.name,
      parentCode: `${p}-A1`,
      retire: true,
    });
    expect((await get(`${p}-A1x`)).retiredAt).not.toBeNull();
    const db = await getDb();
    expect(await db.auditLog.count({ where: { action: "unit.retire", entityId: String(leaf.id) } })).toBe(1);
  });

  it("refuses a taken code and an unknown parent; lists one level; admins only", async () => {
    const { p, county } = await tree();
    await expect(createUnit(CLI_ACTOR, { code: p, name: "重复", level: "county", parentCode: null })).rejects.toThrow(
      "invalid_input",
    );
    await expect(
      createUnit(CLI_ACTOR, { code: uid("Q"), name: "x", level: "village", parentCode: "NOPE" }),
    ).rejects.toThrow("invalid_input");
    const level = await listUnitLevel(CLI_ACTOR, county.id);
    expect(level.units.map((u) => u.code).sort()).toEqual([`${p}-A`, `${p}-B`]);
    expect(level).toMatchObject({ total: 2, page: 0, parent: { code: p, name: "县" } });
    const reviewer: Actor = { userId: 1, role: "REVIEWER", via: "web" };
    await expect(listUnitLevel(reviewer, null)).rejects.toThrow("forbidden");
  });

  it("pages a long level instead of stopping at an arbitrary count, and names an empty level's parent for the add form", async () => {
    const { p, county } = await tree();
    const town = await createUnit(CLI_ACTOR, { code: `${p}-C`, name: "丙镇", level: "township", parentCode: p });
    for (let i = 0; i < 105; i++)
      await createUnit(CLI_ACTOR, {
        code: `${p}-C${String(i).padStart(3, "0")}`,
        name: `村${i}`,
        level: "village",
        parentCode: `${p}-C`,
      });
    const first = await listUnitLevel(CLI_ACTOR, town.id);
    const second = await listUnitLevel(CLI_ACTOR, town.id, "", "1");
    expect([first.total, first.units.length, second.units.length]).toEqual([105, 100, 5]);
    expect(new Set([...first.units, ...second.units].map((u) => u.code)).size).toBe(105);
    const empty = await listUnitLevel(
      CLI_ACTOR,
      (await listUnitLevel(CLI_ACTOR, county.id)).units.find((u) => u.code === `${p}-B`)!.id,
    );
    expect(empty).toMatchObject({ total: 0, units: [], parent: { code: `${p}-B`, name: "乙镇" } });
  });
});
