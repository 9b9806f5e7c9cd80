import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bagVector, CosineIndex, contentWords, Idf, stem, vectorCosine } from './words.ts';

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
