// Items grouped by a key, in first-seen order (Map.groupBy arrives only with Node 21).
export function groupBy<T>(items: Iterable<T>, key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}
