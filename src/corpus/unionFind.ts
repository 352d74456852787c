/** Disjoint sets over 0…n-1 (path halving); a group's root is its first (lowest) member. */
export function unionFind(n: number): { find(i: number): number; union(a: number, b: number): void } {
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  return {
    find,
    union(a, b) {
      const [x, y] = [find(a), find(b)];
      if (x !== y) parent[Math.max(x, y)] = Math.min(x, y);
    },
  };
}
