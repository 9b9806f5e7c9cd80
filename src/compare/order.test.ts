import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortByScoreDescending } from './order.ts';

describe('sortByScoreDescending', () => {
  it('orders exactly as the comparator sort does, ties in input order', () => {
    const score = fc.oneof(
      fc.constantFrom(0, -0, 0.4, 0.5, -0.3, 1e-300, -1e-300, Number.MAX_VALUE, -Infinity, Infinity),
      fc.double({ noNaN: true }),
      fc.integer({ min: -3, max: 3 }).map((k) => k / 10),
    );
    fc.assert(
      fc.property(fc.array(score, { maxLength: 200 }), (scores) => {
        const items = Uint32Array.from(scores, (_, i) => i * 7 + 3);
        const byItem = new Map([...items].map((item, i) => [item, scores[i]!]));
        const expected = [...items].sort((a, b) => byItem.get(b)! - byItem.get(a)! || a - b);
        // Both ways it sorts: by comparison (short lists) and by radix (forced here).
        expect([...sortByScoreDescending(items, Float64Array.from(scores))]).toEqual(expected);
        expect([...sortByScoreDescending(items, Float64Array.from(scores), 0)]).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });
});
