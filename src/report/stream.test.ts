import { describe, expect, it } from 'vitest';
import { rng } from '../testing/synthetic.ts';
import { jsonPieces } from './stream.ts';

function randomValue(next: () => number, depth: number): unknown {
  const pick = Math.floor(next() * (depth > 4 ? 6 : 10));
  const atoms: unknown[] = [
    null,
    true,
    Math.round(next() * 1e6) / 100,
    'line\nbreak "quoted" \u2028 é',
    undefined,
    () => 1,
  ];
  if (pick < atoms.length) return atoms[pick];
  if (pick === 6) return new Date(Date.UTC(2026, 2, Math.floor(next() * 28) + 1));
  if (pick === 7) return { toJSON: (key: string) => ({ key }) };
  const size = Math.floor(next() * 4);
  if (pick === 8) return Array.from({ length: size }, () => randomValue(next, depth + 1));
  return Object.fromEntries(
    Array.from({ length: size }, (_, i) => [
      `k${i}${next() < 0.2 ? ' "odd"' : ''}`,
      randomValue(next, depth + 1),
    ]),
  );
}

describe('jsonPieces', () => {
  it('writes exactly what JSON.stringify(value, null, 2) writes, at any split depth', () => {
    const next = rng(11);
    for (let n = 0; n < 500; n++) {
      const value = { articles: [randomValue(next, 0), randomValue(next, 0)], more: randomValue(next, 0) };
      const whole = JSON.stringify(value, null, 2);
      for (const levels of [0, 1, 2, 3]) expect([...jsonPieces(value, levels)].join('')).toBe(whole);
    }
  });

  it('keeps the pieces of a long list small', () => {
    const list = Array.from({ length: 1000 }, (_, i) => ({ id: i, text: 'x'.repeat(100) }));
    const pieces = [...jsonPieces({ reuse: list })];
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(200);
    expect(pieces.join('')).toBe(JSON.stringify({ reuse: list }, null, 2));
  });

  it('refuses a value that has no JSON, as JSON.stringify returns none', () => {
    expect(() => [...jsonPieces(undefined)]).toThrow(TypeError);
  });
});
