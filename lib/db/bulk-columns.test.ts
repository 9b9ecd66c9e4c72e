import { describe, expect, it } from "vitest";
import { bulkColumns } from "./bulk-insert";

describe("bulkColumns", () => {
  it("reads names, types and casts as SQL lists them", () => {
    expect(bulkColumns('name text, kind text::"ChannelKind", ids text::int[], quota int')).toEqual([
      { name: "name", type: "text" },
      { name: "kind", type: "text", cast: '"ChannelKind"' },
      { name: "ids", type: "text", cast: "int[]" },
      { name: "quota", type: "int" },
    ]);
  });

  it("refuses a column it cannot read rather than inserting into the wrong one", () => {
    expect(() => bulkColumns("name text, quota integer")).toThrow(/quota integer/);
    expect(() => bulkColumns("name")).toThrow();
  });
});
