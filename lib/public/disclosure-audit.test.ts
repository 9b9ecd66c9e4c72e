import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { auditDisclosure } from "./disclosure-audit";
import {
  buildPeopleTables,
  issuerKey,
  regionKey,
  WHOLE,
  type PeopleLedger,
  type PublicRegion,
  type PublicReport,
} from "./people-tables";
import { protectPeopleFigures } from "./protect-figures";
import { withholdCells } from "./suppress";

const K = 5;

/**
 * A random ledger shaped like the registry: a few levels of regions, a few departments landing in
 * some of them, and people — many in groups smaller than the threshold — each reporting one to
 * four channels required by none, one or two departments.
 */
const ledgerArbitrary = fc
  .record({
    shape: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 9 }),
    issuers: fc.integer({ min: 1, max: 5 }),
    acting: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 12 }),
    people: fc.array(
      fc.record({
        part: fc.nat(),
        reports: fc.array(
          fc.record({
            issuers: fc.array(fc.nat(), { maxLength: 2 }),
            minutes: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 900 })),
          }),
          { minLength: 1, maxLength: 4 },
        ),
      }),
      { maxLength: 45 },
    ),
  })
  .map(({ shape, issuers, acting, people }): PeopleLedger => {
    // shape[i] children under region i (ids 1..), breadth first, three levels at most.
    const regions: PublicRegion[] = [{ id: 1, parentId: WHOLE }];
    for (let i = 0; i < shape.length && i < regions.length; i++) {
      for (let c = 0; c < shape[i]! && regions.length < 14; c++)
        regions.push({ id: regions.length + 1, parentId: regions[i]!.id });
    }
    const parts = [WHOLE, ...regions.map((r) => r.id)];
    const issuerIds = Array.from({ length: issuers }, (_, i) => 100 + i);
    const reports: PublicReport[] = people.flatMap((p, person) =>
      p.reports.map((r) => ({
        person,
        part: parts[p.part % parts.length]!,
        issuers: r.issuers.map((i) => issuerIds[i % issuerIds.length]!),
        minutes: r.minutes,
      })),
    );
    return {
      regions,
      reports,
      acting: acting.map(([i, r]) => [issuerIds[i % issuerIds.length]!, regions[r % regions.length]!.id] as const),
    };
  });

describe("public figures against the disclosure auditor", () => {
  it("withhold nothing the auditor can narrow, over a thousand random ledgers", async () => {
    let ledgers = 0;
    let tried = 0;
    let repaired = 0;
    await fc.assert(
      fc.asyncProperty(ledgerArbitrary, async (ledger) => {
        const tables = buildPeopleTables(ledger);
        // The rules alone: no count of fewer than K people published, no staff count narrowed, no withheld figure worked out exactly.
        const rules = withholdCells(ledger, tables, K);
        for (const cell of tables.cells.values())
          if (!rules.has(cell.key)) expect(cell.people === 0 || cell.people >= K).toBe(true);
        expect((await auditDisclosure(ledger, tables, rules, K, { hoursRange: false })).findings).toEqual([]);
        // What a release publishes: the rules, then what the auditor asked for; nothing can be narrowed at all.
        const protection = await protectPeopleFigures(ledger, tables, K);
        const audit = await auditDisclosure(ledger, tables, protection.withheld, K);
        expect(audit.findings).toEqual([]);
        ledgers++;
        tried += audit.cellsTried;
        if (protection.addedByAuditor > 0) repaired++;
      }),
      { numRuns: 1000, seed: 20261202 },
    );
    console.log(
      `disclosure auditor: ${ledgers} random ledgers, ${tried} withheld figures tried, none narrowed (${repaired} ledgers needed more withheld than the rules chose)`,
    );
  }, 600_000);

  it("catches what the old suppression published: the two withheld townships of finding 2", async () => {
    // A county of four townships: two of one reporter each, withheld; subtraction gives them back together.
    const regions = [{ id: 1, parentId: WHOLE }, ...[2, 3, 4, 5].map((id) => ({ id, parentId: 1 }))];
    const person = (n: number, part: number, minutes: number): PublicReport[] =>
      Array.from({ length: n }, (_, i) => ({ person: part * 100 + i, part, issuers: [], minutes }));
    const ledger: PeopleLedger = {
      regions,
      reports: [...person(1, 2, 540), ...person(1, 3, 480), ...person(40, 4, 60), ...person(50, 5, 60)],
      acting: [],
    };
    const tables = buildPeopleTables(ledger);
    const naive = new Set([regionKey(2), regionKey(3)]);
    const caught = await auditDisclosure(ledger, tables, naive, K);
    expect(caught.findings.map((f) => `${f.cell} ${f.figure}`).sort()).toEqual(["r2 people", "r3 people"]);
    const withheld = withholdCells(ledger, tables, K);
    expect(withheld).toEqual(new Set([regionKey(2), regionKey(3), regionKey(4)]));
    expect((await auditDisclosure(ledger, tables, withheld, K)).findings).toEqual([]);
  });

  it("counts one person once in a department's figure, however many of its channels they report (finding 1)", () => {
    const ledger: PeopleLedger = {
      regions: [{ id: 1, parentId: WHOLE }],
      reports: Array.from({ length: 5 }, () => ({ person: 7, part: 1, issuers: [42], minutes: 108 })),
      acting: [[42, 1]],
    };
    const tables = buildPeopleTables(ledger);
    expect(tables.cells.get(issuerKey(42, 1))).toMatchObject({ people: 1, minutes: 540 });
    expect(withholdCells(ledger, tables, K).has(issuerKey(42, 1))).toBe(true);
  });

  it("withholds a department whose figure the region's total and the other departments would give back", async () => {
    // Department 1 has 3 people in the township; department 2 the other 20; nobody reports anything else.
    const reports: PublicReport[] = [
      ...Array.from({ length: 3 }, (_, i) => ({ person: i, part: 2, issuers: [1], minutes: 300 })),
      ...Array.from({ length: 20 }, (_, i) => ({ person: 10 + i, part: 2, issuers: [2], minutes: 60 })),
    ];
    const ledger: PeopleLedger = {
      regions: [
        { id: 1, parentId: WHOLE },
        { id: 2, parentId: 1 },
      ],
      reports,
      acting: [],
    };
    const tables = buildPeopleTables(ledger);
    const caught = await auditDisclosure(
      ledger,
      tables,
      new Set([issuerKey(1, 1), issuerKey(1, 2), issuerKey(1, WHOLE)]),
      K,
    );
    expect(caught.findings.some((f) => f.cell === issuerKey(1, 2) && f.figure === "hours")).toBe(true);
    const withheld = withholdCells(ledger, tables, K);
    expect(withheld.has(issuerKey(2, 2))).toBe(true);
    expect((await auditDisclosure(ledger, tables, withheld, K)).findings).toEqual([]);
  });

  // Each piece of fewer people is a target of the auditor: published figures must not narrow one.
  it("protects one person's hours that two overlapping departments would give by difference", async () => {
    // Six people report X (required by A and C) and Y (required by B), one hour each; one person
    // reports Z (required by A and B), 20 hours: A + B − township = 20 hours of one person.
    const [A, B, C] = [101, 102, 103];
    const six: PublicReport[] = Array.from({ length: 6 }, (_, i) => [
      { person: i, part: 2, issuers: [A, C], minutes: 60 },
      { person: i, part: 2, issuers: [B], minutes: 60 },
    ]).flat();
    const ledger: PeopleLedger = {
      regions: [
        { id: 1, parentId: WHOLE },
        { id: 2, parentId: 1 },
      ],
      reports: [...six, { person: 9, part: 2, issuers: [A, B], minutes: 1200 }],
      acting: [],
    };
    const tables = buildPeopleTables(ledger);
    const rules = withholdCells(ledger, tables, K);
    expect(
      (await auditDisclosure(ledger, tables, rules, K)).findings.some(
        (f) => f.cell.startsWith("atom2|") && f.figure === "hours",
      ),
    ).toBe(true);
    const { withheld } = await protectPeopleFigures(ledger, tables, K);
    expect((await auditDisclosure(ledger, tables, withheld, K)).findings).toEqual([]);
  });

  it("knows a withheld region holds someone: five one-person townships beside one of six are not pinned at one each", async () => {
    const regions = [{ id: 1, parentId: WHOLE }, ...[2, 3, 4, 5, 6, 7].map((id) => ({ id, parentId: 1 }))];
    const reports: PublicReport[] = [2, 3, 4, 5, 6].map((part) => ({ person: part, part, issuers: [], minutes: 60 }));
    for (let i = 0; i < 6; i++) reports.push({ person: 100 + i, part: 7, issuers: [], minutes: 60 });
    const ledger: PeopleLedger = { regions, reports, acting: [] };
    const tables = buildPeopleTables(ledger);
    const naive = new Set([2, 3, 4, 5, 6].map(regionKey));
    const caught = await auditDisclosure(ledger, tables, naive, K);
    expect(caught.findings.filter((f) => f.figure === "people").map((f) => [f.cell, f.low, f.high])).toEqual(
      [2, 3, 4, 5, 6].map((r) => [regionKey(r), 1, 1]),
    );
    const rules = withholdCells(ledger, tables, K);
    expect(rules.has(regionKey(7)) || rules.has(regionKey(1))).toBe(true);
    expect((await auditDisclosure(ledger, tables, rules, K)).findings).toEqual([]);
  });
});
