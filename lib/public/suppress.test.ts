import { describe, expect, it } from "vitest";
import { buildPeopleTables, issuerKey, regionKey, WHOLE, type PeopleLedger, type PublicReport } from "./people-tables";
import { withholdCells } from "./suppress";

const K = 5;
/** `n` people counted in region `part`, each reporting one channel of `minutes` required by `issuers`. */
const people = (part: number, n: number, issuers: number[] = [], minutes = 60, first = part * 1000): PublicReport[] =>
  Array.from({ length: n }, (_, i) => ({ person: first + i, part, issuers, minutes }));
const county = (townships: number): PeopleLedger["regions"] => [
  { id: 1, parentId: WHOLE },
  ...Array.from({ length: townships }, (_, i) => ({ id: i + 2, parentId: 1 })),
];
const withheldOf = (ledger: PeopleLedger) => withholdCells(ledger, buildPeopleTables(ledger), K);

describe("small-cell suppression", () => {
  it("withholds nothing when every group is large enough", () => {
    expect(withheldOf({ regions: county(2), reports: [...people(2, 10), ...people(3, 20)], acting: [] })).toEqual(
      new Set(),
    );
  });

  it("withholds a township of fewer than 5 reporters and the smallest other one, so subtraction gives back only the two together", () => {
    const withheld = withheldOf({
      regions: county(3),
      reports: [...people(2, 3), ...people(3, 9), ...people(4, 20)],
      acting: [],
    });
    expect(withheld).toEqual(new Set([regionKey(2), regionKey(3)]));
  });

  it("withholds two small townships together with a third when together they are still fewer than 5 (finding 2)", () => {
    const withheld = withheldOf({
      regions: county(4),
      reports: [...people(2, 1), ...people(3, 1), ...people(4, 40), ...people(5, 50)],
      acting: [],
    });
    expect(withheld).toEqual(new Set([regionKey(2), regionKey(3), regionKey(4)]));
  });

  it("counts the county's own staff as hidden: publishing every township would give back 3 people", () => {
    const withheld = withheldOf({
      regions: county(2),
      reports: [...people(1, 3), ...people(2, 10), ...people(3, 12)],
      acting: [],
    });
    expect(withheld).toEqual(new Set([regionKey(2)]));
  });

  it("withholds a department inside a withheld township, and the township's department figures that would give back a small department", () => {
    const ledger: PeopleLedger = {
      regions: county(2),
      reports: [
        ...people(2, 3, [9]),
        ...people(3, 30, [9]),
        ...people(3, 4, [8], 60, 5000),
        ...people(3, 20, [], 60, 6000),
      ],
      acting: [],
    };
    const withheld = withheldOf(ledger);
    expect(withheld.has(regionKey(2))).toBe(true);
    expect(withheld.has(issuerKey(9, 2))).toBe(true);
    expect(withheld.has(issuerKey(8, 3))).toBe(true);
    // Department 9 in township 3 goes too: its county figure minus township 3 would give back its 3 people in township 2.
    expect(withheld.has(issuerKey(9, 3))).toBe(true);
    expect(withheld.has(issuerKey(9, 1))).toBe(false);
  });
});
