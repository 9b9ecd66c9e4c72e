import { test } from "@playwright/test";

/** Records that a test tried `n` cases of a part of the suite; the summary reporter adds them up. */
export function countCases(part: string, n: number): void {
  test.info().annotations.push({ type: "cases", description: `${part}\t${n}` });
}
