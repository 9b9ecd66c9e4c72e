import type { FullResult, Reporter, TestCase, TestResult } from "@playwright/test/reporter";

/*
 * Prints, after the run, how many cases each part of the reliability and security suite tried
 * (routes × audiences, hostile inputs, …) and how many of them sat in tests that failed.
 */
export default class SuiteSummaryReporter implements Reporter {
  private parts = new Map<string, { tried: number; failed: number }>();

  onTestEnd(test: TestCase, result: TestResult): void {
    for (const a of result.annotations) {
      if (a.type !== "cases" || !a.description) continue;
      const [part, n] = a.description.split("\t");
      const entry = this.parts.get(part!) ?? { tried: 0, failed: 0 };
      entry.tried += Number(n);
      if (result.status !== "passed") entry.failed += Number(n);
      this.parts.set(part!, entry);
    }
  }

  onEnd(result: FullResult): void {
    if (this.parts.size === 0) return;
    console.log("\nReliability and security suite, cases tried per part:");
    for (const [part, { tried, failed }] of [...this.parts].sort()) {
      console.log(`  ${part}: ${tried} cases, ${failed === 0 ? "all held" : `${failed} in failing tests`}`);
    }
    console.log(`  run: ${result.status}`);
  }
}
