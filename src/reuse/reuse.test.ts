import { describe, expect, it } from 'vitest';
import { createArticle, validateFindings } from '../model/index.ts';
import { annotateLanguage } from '../pipeline/index.ts';
import { detectReuse, ReuseIndex } from './index.ts';
import { paraphraseScores } from './paraphrase-eval.ts';

const base =
  'The harbour authority said on Monday that dredging of the eastern channel would resume next week after a two-month pause. ' +
  'Ships of more than 200 metres have been unable to dock since March. The delay has cost local firms an estimated 4 million euros, ' +
  'according to the chamber of commerce. Work will continue around the clock until the channel reaches its full depth again.';

const article = (id: string, text: string, published?: string) =>
  annotateLanguage(createArticle({ id, text, meta: published ? { published } : {} }));

describe('detectReuse', () => {
  it('finds exact, syndicated and unrelated pairs, with the original by date', () => {
    const articles = [
      article('wire', base, '2026-03-02T08:00:00Z'),
      article('exact', base, '2026-03-02T09:00:00Z'),
      article(
        'trimmed',
        `UPDATED: ${base.split('. ').slice(0, 3).join('. ')}. Copyright Harbour Times.`,
        '2026-03-02T10:00:00Z',
      ),
      article(
        'other',
        'The city orchestra will tour four countries this summer, playing twelve concerts in three weeks, its director announced.',
      ),
    ];
    const { duplicates, reuse } = detectReuse(articles);
    const kind = (a: string, b: string) =>
      duplicates.find((d) => (d.a === a && d.b === b) || (d.a === b && d.b === a));
    expect(kind('wire', 'exact')).toMatchObject({ kind: 'exact', original: 'wire' });
    expect(kind('wire', 'trimmed')?.kind).toMatch(/syndicated|near/);
    expect(kind('wire', 'trimmed')?.original).toBe('wire');
    expect(duplicates.some((d) => d.a === 'other' || d.b === 'other')).toBe(false);
    expect(validateFindings({ articles, stories: [], duplicates, reuse })).toEqual([]);
    expect(reuse.find((r) => [r.a, r.b].includes('trimmed'))!.passages.length).toBeGreaterThan(0);
  });

  it('finds paraphrased copies but not independent reports quoting the same speaker', async () => {
    const r = await paraphraseScores();
    expect(r.precision).toBe(1);
    expect(r.recall).toBeGreaterThanOrEqual(2 / 3);
    expect(r.predicted.some((d) => d.a.startsWith('n') || d.b.startsWith('n'))).toBe(false);
  });

  it('handles empty, one-word and many identical articles without pairing every copy with every other', () => {
    const many = Array.from({ length: 2000 }, (_, i) => createArticle({ id: `same-${i}`, text: base }));
    const odd = [createArticle({ id: 'empty', text: '' }), createArticle({ id: 'one', text: 'Harbour' })];
    const index = new ReuseIndex();
    for (const a of [...many, ...odd]) {
      const s = ReuseIndex.sketch(a.id, a.text);
      expect(index.query(s, 0.5).length).toBeLessThanOrEqual(1);
      index.add(s);
    }
    expect(index.exactGroup(ReuseIndex.sketch('x', base))).toHaveLength(2000);
  });

  it('serialises and restores the index', () => {
    const index = new ReuseIndex();
    index.add(ReuseIndex.sketch('a', base));
    const restored = ReuseIndex.fromJSON(JSON.parse(JSON.stringify(index.toJSON())));
    expect(
      restored.query(ReuseIndex.sketch('b', `${base} Extra closing line.`), 0.5).map((c) => c.id),
    ).toEqual(['a']);
  });
});

describe('one-pass sketch', () => {
  it('gives exactly the words, signature and normalised hash of the reference path', async () => {
    const fc = (await import('fast-check')).default;
    const { shingleHashes, signature, tokens, sketchText } = await import('./sketch.ts');
    const reference = (text: string) => {
      const words = tokens(text);
      let h = 0x811c9dc5;
      for (const w of words) {
        for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), 0x01000193);
        h = Math.imul(h ^ 32, 0x01000193);
      }
      return { sig: [...signature(shingleHashes(words))], words: words.length, normalizedHash: h >>> 0 };
    };
    const wordy = fc
      .array(
        fc.oneof(
          fc.constantFrom(
            'The',
            'ferry',
            'Ölmez',
            'naïve',
            'İstanbul',
            '東京',
            '𝒳',
            '42',
            'x',
            'ΟΔΟΣ',
            'Σοφία',
            'STRAẞE',
            '𐐀𐐁',
          ),
          fc.string({ maxLength: 6 }),
        ),
        {
          maxLength: 40,
        },
      )
      .map((parts) => parts.join(' '));
    fc.assert(
      fc.property(fc.oneof(wordy, fc.string({ unit: 'grapheme', maxLength: 200 })), (text) => {
        const fast = sketchText(text);
        expect({ sig: [...fast.sig], words: fast.words, normalizedHash: fast.normalizedHash }).toEqual(
          reference(text),
        );
      }),
      { numRuns: 300 },
    );
  });
});
