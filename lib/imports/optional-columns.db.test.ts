import { describe, expect, it } from "vitest";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { parseCsv } from "@/lib/csv/parse-csv";
import { getDb } from "@/lib/db/client";
import { exportLedger } from "@/lib/exports/export-ledger";
import { uid } from "@/testing/fixtures";
import { importCsv } from "./run-import";

/*
 * reports.csv with required_by and actions (survey sheets collected on paper) and mandates.csv
 * with until and applies_to_subtree: imported, exported and imported again unchanged.
 */
const today = new Date("2026-11-27T00:00:00Z");
const run = (kind: "units" | "channels" | "mandates" | "reports", text: string, dryRun = false) =>
  importCsv(CLI_ACTOR, { kind, text, dryRun, today });

function ledger() {
  const p = uid("P");
  const [county, dept, town, v1, v2] = ["C", "D", "T", "V1", "V2"].map((s) => `${p}${s}`) as [
    string,
    string,
    string,
    string,
    string,
  ];
  const [appA, appB] = [uid("甲应用"), uid("乙应用")];
  return {
    codes: { county, dept, town, v1, v2 },
    appA,
    units: `code,name,level,parent_code\n${county},${p}县,county,\n${dept},${p}县委组织部,department,${county}\n${town},${p}镇,township,${county}\n${v1},${p}一村,village,${town}\n${v2},${p}二村,village,${town}\n`,
    channels: `name,kind,operator,platform_id,aliases,purpose\n${appA},app,,,,learning\n${appB},app,,,,service\n`,
    mandates:
      "issuer_code,unit_code,channel,actions,assessment_linked,ranking,quota,since,document,until,applies_to_subtree\n" +
      `${dept},${town},${appA},install|checkin,false,false,,2026-01-01,,2027-06-30,true\n` +
      `${county},${v1},${appB},install,false,false,,,,,\n`,
    reports:
      "unit_code,reporter,channel,accounts,minutes_per_week,installed_on,last_used_on,only_for_figures,usefulness,required_by,actions\n" +
      `${v1},${p}_a,${appB},1,20,2026-03-01,2026-11-01,false,3,${dept},install|screenshot\n` +
      `${v2},${p}_b,${appB},1,30,2026-03-01,,false,,${p}县委组织部,promote\n` +
      `${v2},${p}_c,${appA},1,10,2026-03-01,2026-11-20,false,,某工作群群主,\n`,
  };
}

const rowsOf = (csv: string, filter: string) =>
  parseCsv(csv)
    .rows.map((r) => r.cells)
    .filter((c) => Object.values(c).some((v) => v.includes(filter)));

describe("the optional columns of the interchange files", () => {
  it("import, export and re-import unchanged; who required it resolves to a unit by code or by name up the tree", async () => {
    const l = ledger();
    for (const kind of ["units", "channels", "mandates", "reports"] as const)
      expect((await run(kind, l[kind])).issues, kind).toEqual([]);
    const db = await getDb();
    const dept = await db.unit.findUniqueOrThrow({ where: { code: l.codes.dept } });
    const town = await db.unit.findUniqueOrThrow({ where: { code: l.codes.town } });
    expect(await db.mandate.findFirst({ where: { targetUnitId: town.id } })).toMatchObject({
      appliesToSubtree: true,
      until: new Date("2027-06-30"),
    });
    const reports = await db.report.findMany({
      where: { unit: { code: { in: [l.codes.v1, l.codes.v2] } } },
      orderBy: { id: "asc" },
    });
    expect(reports.map((r) => [r.requiredByUnitId, r.requiredByName, r.actions])).toEqual([
      [dept.id, null, ["install", "screenshot"]],
      [dept.id, null, ["promote"]],
      [null, "某工作群群主", []],
    ]);
    // Two reports naming the department gather into reported mandates, one per village.
    expect(await db.mandate.count({ where: { source: "reported", issuerUnitId: dept.id } })).toBe(2);

    const mandates = await exportLedger(CLI_ACTOR, "mandates", "csv");
    expect(rowsOf(mandates, l.codes.town)).toEqual([
      expect.objectContaining({ until: "2027-06-30", applies_to_subtree: "true", actions: "install|checkin" }),
    ]);
    // Reported mandates come back from reports.csv, not from mandates.csv.
    expect(rowsOf(mandates, l.codes.v2)).toEqual([]);
    const exportedReports = await exportLedger(CLI_ACTOR, "reports", "csv");
    expect(
      rowsOf(exportedReports, l.codes.v1)
        .filter((c) => c.unit_code === l.codes.v1)
        .map((c) => [c.required_by, c.actions]),
    ).toEqual([[l.codes.dept, "install|screenshot"]]);
    for (const [kind, text] of [
      ["mandates", mandates],
      ["reports", exportedReports],
    ] as const) {
      expect(await run(kind, text), kind).toMatchObject({ created: 0, updated: 0, issues: [] });
    }
  });

  it("older files without them still import, and leave what the columns set", async () => {
    const l = ledger();
    for (const kind of ["units", "channels", "mandates", "reports"] as const) await run(kind, l[kind]);
    // The same files as they were before the two optional columns: every line without its last two cells.
    const older = (csv: string) =>
      csv
        .trimEnd()
        .split("\n")
        .map((line) => line.split(",").slice(0, -2).join(","))
        .join("\n") + "\n";
    const [oldMandates, oldReports] = [older(l.mandates), older(l.reports)];
    expect(await run("mandates", oldMandates)).toMatchObject({ issues: [], updated: 0 });
    expect(await run("reports", oldReports)).toMatchObject({ issues: [], updated: 0 });
    const db = await getDb();
    const town = await db.unit.findUniqueOrThrow({ where: { code: l.codes.town } });
    expect(await db.mandate.findFirst({ where: { targetUnitId: town.id } })).toMatchObject({ appliesToSubtree: true });
    expect(await db.report.count({ where: { unit: { code: l.codes.v1 }, actions: { has: "screenshot" } } })).toBe(1);
  });

  it("names a bad action or yes/no by line and column and changes nothing", async () => {
    const l = ledger();
    for (const kind of ["units", "channels", "mandates"] as const) await run(kind, l[kind]);
    const bad = l.reports.replace("install|screenshot", "install|dance");
    const result = await run("reports", bad);
    expect(result.issues).toEqual([{ line: 2, field: "actions", code: "unknown_action", value: "dance" }]);
    const badMandates = l.mandates.replace("2027-06-30,true", "2027-06-30,perhaps");
    expect((await run("mandates", badMandates)).issues).toEqual([
      expect.objectContaining({ line: 2, field: "applies_to_subtree", code: "invalid_boolean" }),
    ]);
  });
});
