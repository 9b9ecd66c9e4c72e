import { describe, expect, it } from "vitest";
import { groupCases, type CaseFinding } from "./group-cases";

const f = (id: number, kind: string, over: Partial<CaseFinding> = {}): CaseFinding => ({
  id,
  kind,
  subjectKey: `${kind}:${id}`,
  unitId: null,
  channelIds: [],
  issuerIds: [],
  severity: 2,
  burden: 10,
  ...over,
});
// Units 11 and 12 are villages of township 1; 21 of township 2.
const townshipOf = (u: number | null) => (u === null ? null : u > 20 ? 2 : 1);

describe("cases", () => {
  it("put a promotion mandate's policy conflict and forcing on residents in one case, per department and channel", () => {
    const cases = groupCases(
      [
        f(1, "policy_conflict", { issuerIds: [5], channelIds: [7] }),
        f(2, "forced_on_residents", { issuerIds: [5], channelIds: [7] }),
        f(3, "policy_conflict", { issuerIds: [6], channelIds: [7] }),
      ],
      townshipOf,
    );
    expect(cases.map((c) => [c.key, c.findingIds])).toEqual([
      ["mandate:5:7", [1, 2]],
      ["mandate:6:7", [3]],
    ]);
    expect(cases[0]!.kinds).toEqual(["policy_conflict", "forced_on_residents"]);
  });

  it("gather a chain of duplicate pairs into one cluster, zombies by channel and township, overload by township", () => {
    const cases = groupCases(
      [
        f(1, "duplicate_channel", { channelIds: [3, 4] }),
        f(2, "duplicate_channel", { channelIds: [4, 9] }),
        f(3, "duplicate_channel", { channelIds: [20, 21] }),
        f(4, "zombie", { unitId: 11, channelIds: [3] }),
        f(5, "one_off", { unitId: 12, channelIds: [3] }),
        f(6, "zombie", { unitId: 21, channelIds: [3] }),
        f(7, "overload", { subjectKey: "overload:person:8", unitId: 11 }),
        f(8, "overload", { subjectKey: "overload:unit:12", unitId: 12 }),
        f(9, "overload", { subjectKey: "overload:issuer:5", unitId: 5 }),
        f(10, "policy_conflict", { subjectKey: "policy_conflict:channel:3", channelIds: [3] }),
      ],
      townshipOf,
    );
    const byKey = Object.fromEntries(cases.map((c) => [c.key, c.findingIds]));
    expect(byKey).toEqual({
      "duplicate:3": [1, 2],
      "duplicate:20": [3],
      "usage:3:1": [4, 5],
      "usage:3:2": [6],
      "overload:1": [7, 8],
      "overload:issuer:5": [9],
      "channel:3": [10],
    });
    expect(cases.find((c) => c.key === "duplicate:3")!.channelIds).toEqual([3, 4, 9]);
  });
});
