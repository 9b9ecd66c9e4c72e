import { describe, expect, it } from "vitest";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { uid } from "@/testing/fixtures";
import { importCsv } from "./run-import";

/* Issue 17: a dry run says which rows would change, before → after, not only how many. */
const today = new Date("2026-11-27T00:00:00Z");
const run = (kind: "units" | "channels" | "mandates" | "reports", text: string, dryRun = false) =>
  importCsv(CLI_ACTOR, { kind, text, dryRun, today });

describe("a dry run's rows", () => {
  it("lists each new and changed row with the columns that differ, in file order, and nothing for unchanged rows", async () => {
    const p = uid("R");
    expect(
      (
        await run(
          "units",
          `code,name,level,parent_code\n${p},${p}县,county,\n${p}D,${p}宣传部,department,${p}\n${p}V,${p}村,village,${p}\n`,
        )
      ).issues,
    ).toEqual([]);
    const [a, b, c] = [uid("甲"), uid("乙"), uid("丙")];
    expect(
      (
        await run(
          "channels",
          `name,kind,operator,platform_id,aliases,purpose\n${a},app,,,,learning\n${b},app,,,,service\n`,
        )
      ).issues,
    ).toEqual([]);

    const dry = await run(
      "channels",
      `name,kind,operator,platform_id,aliases,purpose\n${a},app,${p}D,,${a}APP,learning\n${b},app,,,,service\n${c},mini_program,,,,other\n`,
      true,
    );
    expect(dry).toMatchObject({ created: 1, updated: 1, unchanged: 1, applied: false });
    expect(dry.changes).toEqual([
      {
        line: 2,
        record: a,
        created: false,
        columns: [
          { column: "operator", before: "", after: `${p}D` },
          { column: "aliases", before: "", after: `${a}APP` },
        ],
      },
      {
        line: 4,
        record: c,
        created: true,
        columns: expect.arrayContaining([
          { column: "kind", before: "", after: "mini_program" },
          { column: "purpose", before: "", after: "other" },
        ]),
      },
    ]);

    // Reports: a new one, then the same file with one figure changed names that row and column only.
    const reports = (minutes: number) =>
      `unit_code,reporter,channel,accounts,minutes_per_week,installed_on,last_used_on,only_for_figures,usefulness\n${p}V,${p}w1,${a},1,${minutes},2026-01-01,,false,3\n${p}V,${p}w2,${b},1,10,2026-01-01,,false,3\n`;
    expect((await run("reports", reports(30))).applied).toBe(true);
    const again = await run("reports", reports(45), true);
    expect(again.changes).toEqual([
      {
        line: 2,
        record: `${p}w1 · ${a}`,
        created: false,
        columns: [{ column: "minutes_per_week", before: "30", after: "45" }],
      },
    ]);
    // A run that applies lists nothing (its rows are in the audit log instead).
    expect((await run("reports", reports(45))).changes).toEqual([]);
  });

  it("stops at the limit asked for (the page shows 200, a download all)", async () => {
    const p = uid("L");
    const rows = Array.from({ length: 250 }, (_, i) => `${p}${i},${p}单位${i},county,`).join("\n");
    const dry = await importCsv(CLI_ACTOR, {
      kind: "units",
      text: `code,name,level,parent_code\n${rows}\n`,
      dryRun: true,
      today,
    });
    expect([dry.created, dry.changes.length, dry.changes[0]!.line, dry.changes.at(-1)!.line]).toEqual([
      250, 200, 2, 201,
    ]);
    const all = await importCsv(CLI_ACTOR, {
      kind: "units",
      text: `code,name,level,parent_code\n${rows}\n`,
      dryRun: true,
      today,
      changesLimit: 1000,
    });
    expect(all.changes).toHaveLength(250);
  });
});
