import { describe, expect, it } from "vitest";
import { Digest, digestFinding } from "./digest";
import type { Finding } from "./finding";

const zombie = (): Finding => ({
  kind: "zombie",
  subjectKey: "zombie:3:40",
  severity: 2,
  unitId: 3,
  channelIds: [40],
  reporterId: null,
  params: { unit: "东村", channel: "学习强国", idle: 2, reporters: 3, days: 90 },
  evidence: {
    reports: [{ reportId: 7, installedOn: "2025-01-01", lastUsedOn: null, onlyForFigures: false }],
    reporters: 3,
  },
  burden: 60,
});

describe("the digest of a finding", () => {
  it("is the same for the same finding and stays below 2^53", () => {
    const d = digestFinding(zombie());
    expect(digestFinding(zombie())).toBe(d);
    expect(Number.isSafeInteger(d) && d >= 0).toBe(true);
  });

  it("changes with anything a flag stores of it, however deep", () => {
    const base = digestFinding(zombie());
    const changed: ((f: Finding) => void)[] = [
      (f) => (f.severity = 3),
      (f) => (f.burden = 61),
      (f) => (f.channelIds = [41]),
      (f) => (f.issuerIds = [5]),
      (f) => (f.scopeUnitId = 1),
      (f) => (f.explainAs = "zombie_group"),
      (f) => (f.params.unit = "西村"),
      (f) => ((f.evidence.reports as { lastUsedOn: string | null }[])[0]!.lastUsedOn = "2026-01-01"),
      (f) => ((f.evidence.reports as { onlyForFigures: boolean }[])[0]!.onlyForFigures = true),
      (f) => (f.evidence = { ...f.evidence, note: "x" }),
    ];
    const digests = changed.map((change) => {
      const f = zombie();
      change(f);
      return digestFinding(f);
    });
    for (const d of digests) expect(d).not.toBe(base);
    expect(new Set(digests).size).toBe(digests.length);
  });

  it("tells apart lists and texts that would run together", () => {
    expect(new Digest().ints([1, 2]).ints([3]).value()).not.toBe(new Digest().ints([1]).ints([2, 3]).value());
    expect(new Digest().text("ab").text("c").value()).not.toBe(new Digest().text("a").text("bc").value());
    expect(new Digest().int(1).value()).not.toBe(new Digest().int(2 ** 32 + 1).value());
  });
});
