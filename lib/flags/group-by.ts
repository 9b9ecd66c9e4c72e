/** Items grouped by a key, in first-seen order (each list keeps the items' order). */
export function groupBy<T, K>(items: Iterable<T>, key: (t: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/**
 * Items grouped by a pair of keys, groups in first-seen order: the same groups as groupBy with a
 * `${a}:${b}` key, without making and hashing a string per item (a province has millions).
 */
export function groupByPair<T, B>(items: Iterable<T>, first: (t: T) => number, second: (t: T) => B): T[][] {
  const index = new Map<number, Map<B, T[]>>();
  const groups: T[][] = [];
  for (const item of items) {
    const a = first(item);
    let inner = index.get(a);
    if (!inner) index.set(a, (inner = new Map()));
    const b = second(item);
    const list = inner.get(b);
    if (list) list.push(item);
    else {
      const group = [item];
      inner.set(b, group);
      groups.push(group);
    }
  }
  return groups;
}
