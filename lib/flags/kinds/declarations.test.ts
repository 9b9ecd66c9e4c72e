import { describe, expect, it } from "vitest";
import { FlagKind } from "@/lib/db/generated/enums";
import { isMessageKey } from "@/lib/i18n/messages";
import { CASE_RULES, DETECTORS } from "../registry";

/*
 * Each kind declares beside its detector how it is explained, whose reviewers see it and which case
 * it joins; the known-answers test checks the stored flags against the first two.
 */
describe("the kinds' declarations", () => {
  it("every kind has a detector, a case rule, a name and words for each way it is explained", () => {
    for (const kind of Object.values(FlagKind)) {
      expect(
        DETECTORS.some((d) => d.kind === kind),
        kind,
      ).toBe(true);
      expect(CASE_RULES[kind], kind).toBeTypeOf("function");
      expect(isMessageKey(`flagKind.${kind}`), kind).toBe(true);
    }
    for (const d of DETECTORS) {
      expect(d.explains.length, d.kind).toBeGreaterThan(0);
      for (const variant of d.explains) expect(isMessageKey(`flag.${variant}.explain`), variant).toBe(true);
    }
  });
});
