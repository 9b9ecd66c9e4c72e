import { describe, expect, it } from "vitest";
import { KeyIndex } from "./key-index";

/** Adds keys as the states reader does: one text, each key a range of it. */
function indexOf(keys: string[]): KeyIndex {
  const index = new KeyIndex();
  const text = keys.join("\n");
  index.useText(text);
  let start = 0;
  for (const key of keys) {
    index.add(start, start + key.length);
    start += key.length + 1;
  }
  return index;
}

describe("an index of subject keys", () => {
  it("finds each key by its number across many texts and growths, and no key it was not given", () => {
    const index = new KeyIndex();
    const keys: string[] = [];
    for (let chunk = 0; chunk < 5; chunk++) {
      const part = Array.from({ length: 4000 }, (_, i) => `zombie:${chunk}:${i}:${(i * 7919) % 1000}`);
      const text = part.join("\t");
      index.useText(text);
      let start = 0;
      for (const key of part) {
        expect(index.add(start, start + key.length)).toBe(keys.length);
        keys.push(key);
        start += key.length + 1;
      }
    }
    expect(index.size).toBe(20_000);
    keys.forEach((key, n) => expect(index.get(key)).toBe(n));
    expect(index.get("zombie:0:1:7")).toBe(-1);
    expect(index.get("zombie:5:0:0")).toBe(-1);
    expect(index.get("")).toBe(-1);
  });

  it("tells apart keys that are prefixes of each other or differ in one character", () => {
    const index = indexOf(["overload:unit:1", "overload:unit:12", "overload:unit:2", "one_off:1:2:3", "单位:1"]);
    expect(index.get("overload:unit:1")).toBe(0);
    expect(index.get("overload:unit:12")).toBe(1);
    expect(index.get("overload:unit:2")).toBe(2);
    expect(index.get("overload:unit:")).toBe(-1);
    expect(index.get("one_off:1:2:4")).toBe(-1);
    expect(index.get("单位:1")).toBe(4);
  });
});
