/**
 * An index of string keys to their insertion numbers (0, 1, 2…), for the millions of subject keys
 * a recompute looks up once each. A Map of that many strings cost about 0.8 µs per insertion and
 * per lookup here (a string object per key, and three cache misses per probe); this one keeps the
 * keys in the texts they were read from, their hashes and an open-addressed table in typed
 * arrays, and compares characters in place.
 */
export class KeyIndex {
  private texts: string[] = [];
  private text = 0;
  // Per key: which text, where in it, how long, and its hash.
  private inText = new Uint32Array(1024);
  private starts = new Int32Array(1024);
  private lengths = new Int32Array(1024);
  private hashes = new Int32Array(1024);
  private slots = new Int32Array(2048); // key number + 1; 0 is empty
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** Makes the keys that follow refer to this text (they are ranges of it). */
  useText(text: string): void {
    this.text = this.texts.push(text) - 1;
  }

  /** Adds the key at [start, end) of the current text; its number is the count before. */
  add(start: number, end: number): number {
    const n = this.count;
    if (n === this.starts.length) this.growKeys();
    if (2 * (n + 1) > this.slots.length) this.rehash(this.slots.length * 2);
    const s = this.texts[this.text]!;
    const h = hashRange(s, start, end);
    this.inText[n] = this.text;
    this.starts[n] = start;
    this.lengths[n] = end - start;
    this.hashes[n] = h;
    this.place(n, h);
    this.count = n + 1;
    return n;
  }

  /** The number of a key, or -1. */
  get(key: string): number {
    const h = hashRange(key, 0, key.length);
    const mask = this.slots.length - 1;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const slot = this.slots[i]!;
      if (slot === 0) return -1;
      const n = slot - 1;
      if (this.hashes[n] === h && this.equals(n, key)) return n;
    }
  }

  private equals(n: number, key: string): boolean {
    const length = this.lengths[n]!;
    if (length !== key.length) return false;
    const s = this.texts[this.inText[n]!]!;
    const start = this.starts[n]!;
    for (let i = 0; i < length; i++) if (s.charCodeAt(start + i) !== key.charCodeAt(i)) return false;
    return true;
  }

  private place(n: number, h: number): void {
    const mask = this.slots.length - 1;
    let i = h & mask;
    while (this.slots[i] !== 0) i = (i + 1) & mask;
    this.slots[i] = n + 1;
  }

  private rehash(size: number): void {
    this.slots = new Int32Array(size);
    for (let n = 0; n < this.count; n++) this.place(n, this.hashes[n]!);
  }

  private growKeys(): void {
    this.inText = doubled(this.inText);
    this.starts = doubled(this.starts);
    this.lengths = doubled(this.lengths);
    this.hashes = doubled(this.hashes);
  }
}

/** A typed array twice as long, beginning with the values of `a`. */
export function doubled<T extends Int32Array | Uint32Array | Float64Array | Uint8Array>(a: T): T {
  const b = new (a.constructor as new (length: number) => T)(a.length * 2);
  b.set(a);
  return b;
}

/** FNV-1a over UTF-16 code units, finished with a murmur mix so that the low bits spread well. */
function hashRange(s: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h;
}
