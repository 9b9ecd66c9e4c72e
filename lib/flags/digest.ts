import type { Finding } from "./finding";

/**
 * A 53-bit hash (cyrb53's mixing, two 32-bit lanes) of integers and strings, fed piece by piece.
 * A recompute hashes millions of findings only to see that nearly all are unchanged: SHA-1 took
 * three times as long as this, and the digest only has to tell a flag's finding from the previous
 * one of the same subject, where a chance match is 1 in 2^53, not to resist anyone.
 */
export class Digest {
  private h1 = 0xdeadbeef;
  private h2 = 0x41c6ce57;

  /** An integer (anything else is hashed as its text), or null. */
  int(n: number | null): this {
    if (n === null) return this.mix(-1).mix(-1);
    if (!Number.isSafeInteger(n)) return this.text(String(n));
    // The high part too, so that 2^32 + 1 is not 1.
    return this.mix(n | 0).mix(Math.floor(n / 4294967296));
  }

  /** A list of integers, its length first so that [1, 2] and [1], [2] differ. */
  ints(list: readonly number[]): this {
    this.mix(list.length);
    for (const n of list) this.int(n);
    return this;
  }

  /** A string, its length first for the same reason. */
  text(s: string): this {
    let h1 = this.h1 ^ s.length;
    let h2 = this.h2 ^ s.length;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
    this.h1 = h1;
    this.h2 = h2;
    return this;
  }

  /** The hash: a non-negative integer below 2^53. */
  value(): number {
    let h1 = Math.imul(this.h1 ^ (this.h1 >>> 16), 2246822507);
    h1 ^= Math.imul(this.h2 ^ (this.h2 >>> 13), 3266489909);
    let h2 = Math.imul(this.h2 ^ (this.h2 >>> 16), 2246822507);
    h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return 4294967296 * (2097151 & h2) + (h1 >>> 0);
  }

  private mix(n: number): this {
    this.h1 = Math.imul(this.h1 ^ n, 2654435761);
    this.h2 = Math.imul(this.h2 ^ n, 1597334677);
    return this;
  }
}

/** The subtree whose reviewers see a finding: its own scope, or its unit's. */
export const scopeOf = (f: Finding) => (f.scopeUnitId === undefined ? f.unitId : f.scopeUnitId);

/**
 * The digest of everything a flag stores of its finding (severity, subject, scope, issuers,
 * burden, explanation, evidence), hashed from the values rather than from their JSON: making the
 * JSON of every finding took four times as long, and it is only needed for the few written.
 * Detectors build their objects in a fixed order from rows read in id order, so the same finding
 * gives the same digest.
 */
export function digestFinding(f: Finding): number {
  const d = new Digest()
    .int(f.severity)
    .int(f.unitId)
    .ints(f.channelIds)
    .int(f.reporterId)
    .int(scopeOf(f))
    .ints(f.issuerIds ?? [])
    .int(f.burden);
  d.text(f.explainAs ?? f.kind);
  hashValue(d, f.params);
  hashValue(d, f.evidence);
  return d.value();
}

/** Hashes a JSON-like value as JSON.stringify would see it (keys in order, undefined left out). */
function hashValue(d: Digest, v: unknown): void {
  switch (typeof v) {
    case "number":
      d.int(v);
      return;
    case "string":
      d.text(v);
      return;
    case "boolean":
      d.int(v ? 1 : 0);
      return;
    case "object":
      if (v === null) d.int(null);
      else if (Array.isArray(v)) {
        d.int(v.length);
        for (const x of v) hashValue(d, x);
      } else if (typeof (v as { toJSON?: unknown }).toJSON === "function")
        d.text(JSON.stringify(v)); // e.g. a Date
      else {
        for (const k in v) {
          const x = (v as Record<string, unknown>)[k];
          if (x === undefined) continue;
          d.text(k);
          hashValue(d, x);
        }
      }
      return;
  }
}
