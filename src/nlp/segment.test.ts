import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createArticle } from '../model/index.ts';
import { findParagraphs, segment, splitSentences } from './segment.ts';

const sentencesOf = (text: string) =>
  splitSentences(text, { start: 0, end: text.length }).map((s) => text.slice(s.start, s.end));

describe('sentences', () => {
  it('does not break after abbreviations, initials or dotted acronyms', () => {
    expect(
      sentencesOf(
        'Mr. Okafor met U.S. officials on Jan. 5. "We talked," he said. Then John F. Kennedy arrived at 5 p.m. Monday. It rained.',
      ),
    ).toEqual([
      'Mr. Okafor met U.S. officials on Jan. 5.',
      '"We talked," he said.',
      'Then John F. Kennedy arrived at 5 p.m. Monday.',
      'It rained.',
    ]);
  });

  it('breaks after a dotted acronym that ends a sentence', () => {
    expect(sentencesOf('The talks were held in the U.S. The next round is in Vienna.')).toEqual([
      'The talks were held in the U.S.',
      'The next round is in Vienna.',
    ]);
  });

  it('gives the same sentences for a very long paragraph as for its parts, in linear time', () => {
    const sentence = 'The harbour authority said on Monday that dredging would resume next week. ';
    const text = sentence.repeat(3000).trim();
    const spans = splitSentences(text, { start: 0, end: text.length });
    expect(spans).toHaveLength(3000);
    expect(new Set(spans.map((s) => text.slice(s.start, s.end)))).toEqual(new Set([sentence.trim()]));
  });

  it('keeps every span inside its paragraph, trimmed, in order, for any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 3000 }), (text) => {
        for (const p of findParagraphs(text)) {
          let last = p.start;
          for (const s of splitSentences(text, p)) {
            expect(s.start).toBeGreaterThanOrEqual(last);
            expect(s.end).toBeLessThanOrEqual(p.end);
            expect(s.end).toBeGreaterThan(s.start);
            expect(text[s.start]).not.toMatch(/\s/);
            last = s.end;
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('paragraphs', () => {
  it('are the non-empty lines, trimmed', () => {
    const a = createArticle({ id: 'x', text: 'Title line\n\n  First paragraph.  \n\nSecond one.\n' });
    const { paragraphs, sentences } = segment(a);
    expect(paragraphs.map((p) => a.text.slice(p.start, p.end))).toEqual([
      'Title line',
      'First paragraph.',
      'Second one.',
    ]);
    expect(sentences).toHaveLength(3);
  });
});
