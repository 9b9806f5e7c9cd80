/**
 * Ordering many scored items without a comparison callback. Fact clustering sorts every candidate pair
 * of a story's figures by score, millions of them in a big story, and a comparator sort spent longer on
 * that than on scoring the pairs. This is a stable least-significant-digit radix sort on the scores' bits:
 * four passes of 16 bits over the keys, each item keeping its input order among equal scores, so that it
 * gives exactly the order `(a, b) => score(b) - score(a) || inputOrder(a) - inputOrder(b)` would.
 */

const DIGIT = 16;
const BUCKETS = 1 << DIGIT;
// Below this many items the four passes over 2^16 buckets cost more than a comparator sort.
const RADIX_FROM = 4096;

/**
 * `items` reordered by descending `scores[i]` (the score of `items[i]`), equal scores in their input
 * order. Scores must not be NaN; -0 and +0 count as equal, as they compare.
 */
export function sortByScoreDescending(
  items: Uint32Array,
  scores: Float64Array,
  radixFrom = RADIX_FROM,
): Uint32Array {
  const n = items.length;
  if (n < 2) return items.slice();
  if (n < radixFrom) {
    const order = Uint32Array.from({ length: n }, (_, i) => i).sort(
      (a, b) => scores[b]! - scores[a]! || a - b,
    );
    return order.map((i) => items[i]!);
  }
  // A double's bits, flipped so that unsigned order is numeric order (negative numbers reversed), then
  // complemented, so that ascending keys are descending scores.
  const bits = new Float64Array(1);
  const words = new Uint32Array(bits.buffer);
  let hi = new Uint32Array(n);
  let lo = new Uint32Array(n);
  let out = items.slice();
  for (let i = 0; i < n; i++) {
    bits[0] = scores[i]! + 0;
    let h = words[1]!;
    let l = words[0]!;
    if (h & 0x80000000) {
      h = ~h >>> 0;
      l = ~l >>> 0;
    } else h = (h | 0x80000000) >>> 0;
    hi[i] = ~h >>> 0;
    lo[i] = ~l >>> 0;
  }
  let hi2 = new Uint32Array(n);
  let lo2 = new Uint32Array(n);
  let out2 = new Uint32Array(n);
  const count = new Uint32Array(BUCKETS);
  for (let pass = 0; pass < 4; pass++) {
    const source = pass < 2 ? lo : hi;
    const shift = (pass & 1) * DIGIT;
    count.fill(0);
    for (let i = 0; i < n; i++) count[(source[i]! >>> shift) & (BUCKETS - 1)]!++;
    // Every item in one bucket: this digit orders nothing.
    if (count[(source[0]! >>> shift) & (BUCKETS - 1)] === n) continue;
    let sum = 0;
    for (let b = 0; b < BUCKETS; b++) {
      const c = count[b]!;
      count[b] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const at = count[(source[i]! >>> shift) & (BUCKETS - 1)]!++;
      hi2[at] = hi[i]!;
      lo2[at] = lo[i]!;
      out2[at] = out[i]!;
    }
    [hi, hi2] = [hi2, hi];
    [lo, lo2] = [lo2, lo];
    [out, out2] = [out2, out];
  }
  return out;
}
