import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bagVector,
  CosineIndex,
  comparablePairs,
  contentWords,
  EXHAUSTIVE_BAGS,
  Idf,
  stem,
  vectorCosine,
} from './words.ts';

describe('stem', () => {
  it('strips exactly what the regular expressions it replaces would', () => {
    const byRegex = (w: string) =>
      w.length <= 4
        ? w
        : w
            .replace(/(?<=\w{3})(ies)$/, 'y')
            .replace(/(?<=\w{3})(ing|ed|es|s)$/, '')
            .replace(/(?<=\w{3})(ation|ment|ly)$/, '');
    const piece = fc.constantFrom(
      'a',
      'b',
      'é',
      '_',
      '1',
      'ies',
      'ing',
      'ed',
      'es',
      's',
      'ation',
      'ment',
      'ly',
      'y',
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 8 }).map((p) => p.join('')),
        (w) => stem(w) === byRegex(w),
      ),
      { numRuns: 5000 },
    );
    expect(stem('negotiations')).toBe('negoti');
    expect(stem('studies')).toBe('study');
  });
});

describe('contentWords', () => {
  it('gives the same words to every caller, and none can change them', () => {
    const first = contentWords('The ministers agreed on new talks.');
    expect(first).toEqual(['minister', 'agre', 'new', 'talk']);
    expect(contentWords('The ministers agreed on new talks.')).toBe(first);
    expect(() => first.push('x')).toThrow(TypeError);
  });
});

describe('CosineIndex', () => {
  it('gives exactly the cosine vectorCosine gives for every pair, sharing words or not', () => {
    const word = fc.constantFrom('talk', 'minister', 'geneva', 'ceasefire', 'border', 'troop', 'aid', 'vote');
    fc.assert(
      fc.property(fc.array(fc.array(word, { maxLength: 12 }), { minLength: 1, maxLength: 20 }), (bags) => {
        const idf = new Idf();
        for (const bag of bags) idf.add(bag);
        const vectors = bags.map((bag) => bagVector(bag, idf));
        const index = new CosineIndex(vectors);
        for (let i = 0; i < vectors.length; i++) {
          const dots = index.dotsOf(i);
          for (let j = 0; j < vectors.length; j++)
            expect(index.cosine(i, j, dots)).toBe(vectorCosine(vectors[i]!, vectors[j]!));
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('comparablePairs', () => {
  it('lists, in ascending order, the other bags sharing a rare word, however often and in whatever order it is asked', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: EXHAUSTIVE_BAGS + 1, max: EXHAUSTIVE_BAGS + 200 }),
        fc.integer({ min: 20, max: 400 }),
        fc.array(fc.nat(), { minLength: 30, maxLength: 30 }),
        (n, vocabulary, asked) => {
          // Word k of bag i, spread so that some words are rare and some common.
          const bags = Array.from({ length: n }, (_, i) =>
            Array.from(
              { length: 1 + (i % 5) },
              (_, k) => `w${(i * (k + 7) * 31 + k * k) % (vocabulary * (k + 1))}`,
            ),
          );
          const users = new Map<string, Set<number>>();
          bags.forEach((bag, i) => {
            for (const w of bag) users.set(w, (users.get(w) ?? new Set()).add(i));
          });
          const limit = Math.max(2, Math.ceil(n * 0.05));
          const expected = (i: number) =>
            [...new Set(bags[i]!.flatMap((w) => (users.get(w)!.size <= limit ? [...users.get(w)!] : [])))]
              .filter((j) => j !== i)
              .sort((a, b) => a - b);
          const comparable = comparablePairs(bags);
          // Each bag asked for twice, with others between: the second answer must be the first.
          for (const i of [...asked, ...asked].map((a) => a % n))
            expect([...comparable(i)]).toEqual(expected(i));
        },
      ),
      { numRuns: 30 },
    );
  });
});
