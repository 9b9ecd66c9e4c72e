import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { parseCsv } from "@/lib/csv/parse-csv";
import { getDb } from "@/lib/db/client";
import { exportLedger } from "@/lib/exports/export-ledger";
import { COLUMNS, IMPORT_KINDS, type ImportKind } from "./import-types";
import { auditPublicFigures } from "@/lib/public/audit-public-figures";
import { importCsv } from "./run-import";
import { caseKeyFilter } from "@/lib/flags/cases/case-key-filter";
import { listCases, readCases } from "@/lib/flags/cases/list-cases";
import { recomputeAllFlags } from "@/lib/flags/recompute-flags";

const sample = (kind: ImportKind) => fs.readFileSync(path.join("e2e/data/sample", `${kind}.csv`), "utf8");
const rowsOf = (text: string, kind: ImportKind) =>
  parseCsv(text)
    .rows.map((r) => COLUMNS[kind].required.map((c) => r.cells[c] ?? "").join("\u0001"))
    .sort();

// The sample county ledger: 234 units, 72 channels, ~2,100 mandates, ~10,500 reports.
describe("the sample county ledger", () => {
  it("imports, exports unchanged, and re-imports with no change", async () => {
    const today = new Date("2026-11-27T00:00:00Z");
    for (const kind of IMPORT_KINDS) {
      const result = await importCsv(CLI_ACTOR, { kind, text: sample(kind), dryRun: false, today });
      expect(result.issues, kind).toEqual([]);
      expect(result.created, kind).toBe(result.rows);
    }
    for (const kind of IMPORT_KINDS) {
      const exported = await exportLedger(CLI_ACTOR, kind, "csv");
      expect(rowsOf(exported, kind), kind).toEqual(rowsOf(sample(kind), kind));
      const again = await importCsv(CLI_ACTOR, { kind, text: exported, dryRun: false, today });
      expect(again, kind).toMatchObject({ created: 0, updated: 0, applied: true, issues: [] });
      expect(again.unchanged, kind).toBe(again.rows);
    }
    const json = JSON.parse(await exportLedger(CLI_ACTOR, "units", "json")) as Record<string, string>[];
    expect(json).toHaveLength(234);
    expect(Object.keys(json[0]!)).toEqual(["code", "name", "level", "parent_code"]);
  });

  it("links reports to the mandates they answer and creates inactive accounts for unknown logins", async () => {
    const db = await getDb();
    expect(await db.reportMandate.count()).toBeGreaterThan(5000);
    const imported = await db.user.findFirstOrThrow({ where: { login: "u0010010" }, omit: { passwordHash: false } });
    expect(imported).toMatchObject({ role: "STAFF", passwordHash: null });
  });

  it("groups the open findings into at most 400 cases, each finding in exactly one", async () => {
    await recomputeAllFlags({ today: new Date("2026-11-27T00:00:00Z"), trigger: "test" });
    const cases = await listCases(CLI_ACTOR);
    const db = await getDb();
    const open = await db.flag.findMany({ where: { status: { in: ["open", "confirmed"] } }, select: { id: true } });
    const inCases = cases.flatMap((c) => c.findingIds);
    console.log(`cases on the sample county: ${open.length} open findings in ${cases.length} cases`);
    expect(open.length).toBeGreaterThan(1000);
    expect(cases.length).toBeLessThanOrEqual(400);
    expect(inCases.sort((a, b) => a - b)).toEqual(open.map((f) => f.id).sort((a, b) => a - b));
    // Worst first, and each case names what it is about.
    expect(cases.map((c) => c.burden)).toEqual([...cases.map((c) => c.burden)].sort((a, b) => b - a));
    for (const c of cases)
      expect(c.channels.length + (c.issuer ? 1 : 0) + (c.township ? 1 : 0), c.key).toBeGreaterThan(0);
    // Opening one case reads only what its key can hold, and finds the same findings.
    const started = performance.now();
    for (const c of cases) {
      const filter = caseKeyFilter(c.key);
      expect(filter, c.key).not.toBeNull();
      expect((await readCases("/", filter)).find((o) => o.key === c.key)?.findingIds, c.key).toEqual(c.findingIds);
    }
    const perCase = (performance.now() - started) / cases.length;
    const all = performance.now();
    await readCases("/");
    console.log(
      `one case read by its key: ${perCase.toFixed(1)} ms on average; every case: ${(performance.now() - all).toFixed(1)} ms`,
    );
  });

  it("publishes figures of the sample county that the disclosure auditor cannot narrow", async () => {
    const audit = await auditPublicFigures(CLI_ACTOR);
    console.log(
      `disclosure auditor on the sample county: ${audit.reports} reports, ${audit.figuresChecked} figures read back, ${audit.cellsTried} withheld figures tried, ${audit.findings.length} narrowed`,
    );
    expect(audit.mismatches).toEqual([]);
    expect(audit.findings).toEqual([]);
    expect(audit.figuresChecked).toBeGreaterThan(100);
  });

  it("refuses a reports file with one bad row and leaves the ledger as it was", async () => {
    const db = await getDb();
    const before = {
      reports: await db.report.count(),
      history: await db.reportHistory.count(),
      audit: await db.auditLog.count(),
    };
    const lines = sample("reports").split("\n").slice(0, 50);
    lines[10] = lines[10]!.replace(/,(\d+),(\d+),/, ",$1,-5,");
    lines[20] = lines[20]!.replace(/^([^,]+),/, "999999999999,");
    lines[30] = lines[30]!.replace(/,(\d{4}-\d{2}-\d{2}),/, ",2999-01-01,");
    lines[40] = lines[40]!.replace(/^(\w+),(\w+),([^,]+),/, "$1,$2,不存在的渠道,");
    lines.push("339800001001,u0010010,学习强国,1,60,2026-01-01,2026-01-01,maybe,3");
    const result = await importCsv(CLI_ACTOR, { kind: "reports", text: lines.join("\n") + "\n", dryRun: false });
    expect(result.applied).toBe(false);
    expect(result.issues.map((i) => [i.line, i.field, i.code])).toEqual([
      [11, "minutes_per_week", "out_of_range"],
      [21, "unit_code", "unknown_unit"],
      [31, expect.stringMatching(/installed_on|last_used_on/), "future_date"],
      [41, "channel", "unknown_channel"],
      [51, "only_for_figures", "invalid_boolean"],
    ]);
    expect({
      reports: await db.report.count(),
      history: await db.reportHistory.count(),
      audit: await db.auditLog.count(),
    }).toEqual(before);
  });

  it("keeps the earlier version when a report changes", async () => {
    const db = await getDb();
    const header = sample("reports").split("\n")[0];
    const row = sample("reports").split("\n")[1]!.split(",");
    row[4] = String(Number(row[4]) + 7);
    const result = await importCsv(CLI_ACTOR, {
      kind: "reports",
      text: `${header}\n${row.join(",")}\n`,
      dryRun: false,
    });
    expect(result).toMatchObject({ updated: 1, applied: true });
    const reporter = await db.user.findUniqueOrThrow({ where: { login: row[1]! } });
    const report = await db.report.findFirstOrThrow({
      where: { reporterId: reporter.id, channel: { name: row[2]! } },
      include: { history: true },
    });
    expect(report.minutesPerWeek).toBe(Number(row[4]));
    expect(report.version).toBe(2);
    expect(report.history).toEqual([
      expect.objectContaining({
        version: 1,
        snapshot: expect.objectContaining({ minutesPerWeek: Number(row[4]) - 7 }),
      }),
    ]);
  });

  it("neutralises formula cells in exports and stores hostile text verbatim", async () => {
    const name = `=HYPERLINK("x")<b>'; DROP TABLE units;--`;
    const csv = `name,kind,operator,platform_id,aliases,purpose\n"${name.replace(/"/g, '""')}",app,,,@alias,other\n`;
    expect(await importCsv(CLI_ACTOR, { kind: "channels", text: csv, dryRun: false })).toMatchObject({
      created: 1,
      applied: true,
    });
    const db = await getDb();
    expect(await db.channel.count({ where: { name } })).toBe(1);
    const exported = await exportLedger(CLI_ACTOR, "channels", "csv");
    expect(exported).toContain(`"'=HYPERLINK(""x"")<b>'; DROP TABLE units;--"`);
    expect(exported).toContain(",'@alias,");
    const again = await importCsv(CLI_ACTOR, { kind: "channels", text: exported, dryRun: true });
    expect(again).toMatchObject({ created: 0, updated: 0, issues: [] });
  });
});
