import { describe, expect, it } from 'vitest';
import { createArticle } from './article.ts';
import { validateArticle, validateFindings } from './validate.ts';

const text = 'Okafor said the talks lasted nearly six hours.';

function article() {
  const a = createArticle({ id: 'a1', text });
  a.annotations.sentences = [{ start: 0, end: text.length }];
  a.annotations.entities = [
    { id: 'e1', name: 'Okafor', type: 'person', aliases: [], mentions: [{ start: 0, end: 6 }] },
  ];
  a.annotations.quotes = [
    {
      content: { start: 12, end: 46 },
      speaker: { start: 0, end: 6 },
      speakerEntity: 'e1',
      cue: { start: 7, end: 11 },
      direct: false,
    },
  ];
  a.annotations.quantities = [
    {
      start: 29,
      end: 45,
      low: 5.5,
      high: 6,
      value: 6,
      hedge: 'nearly',
      unit: 'hour',
      dimension: 'duration',
      measure: 'talks',
      measureSpan: { start: 16, end: 21 },
    },
  ];
  a.annotations.dates = [];
  return a;
}

describe('span invariant', () => {
  it('accepts spans inside the text', () => {
    expect(validateArticle(article())).toEqual([]);
  });

  it.each([
    ['sentences', (a: ReturnType<typeof article>) => (a.annotations.sentences[0]!.end = text.length + 1)],
    [
      'entity mention',
      (a: ReturnType<typeof article>) => (a.annotations.entities[0]!.mentions[0]!.start = -1),
    ],
    [
      'quote content',
      (a: ReturnType<typeof article>) => (a.annotations.quotes[0]!.content = { start: 30, end: 20 }),
    ],
    [
      'quote part outside its content',
      (a: ReturnType<typeof article>) =>
        (a.annotations.quotes[0]!.parts = [
          { start: 0, end: 6 },
          { start: 40, end: 46 },
        ]),
    ],
    [
      'quote parts out of order',
      (a: ReturnType<typeof article>) =>
        (a.annotations.quotes[0]!.parts = [
          { start: 30, end: 46 },
          { start: 12, end: 20 },
        ]),
    ],
    [
      'quote speaker entity',
      (a: ReturnType<typeof article>) => (a.annotations.quotes[0]!.speakerEntity = 'e9'),
    ],
    ['quantity interval', (a: ReturnType<typeof article>) => (a.annotations.quantities[0]!.low = 7)],
    [
      'quantity measure',
      (a: ReturnType<typeof article>) => (a.annotations.quantities[0]!.measureSpan = { start: 0, end: 999 }),
    ],
    [
      'date',
      (a: ReturnType<typeof article>) =>
        a.annotations.dates.push({ start: 1.5, end: 3, date: null, relative: true, granularity: 'day' }),
    ],
    ['paragraph', (a: ReturnType<typeof article>) => a.annotations.paragraphs.push({ start: 0, end: 100 })],
    [
      'block',
      (a: ReturnType<typeof article>) => a.annotations.blocks.push({ start: 50, end: 60, kind: 'paragraph' }),
    ],
    ['caption', (a: ReturnType<typeof article>) => a.annotations.captions.push({ start: 47, end: 48 })],
  ])('flags a bad %s span', (_name, breakIt) => {
    const a = article();
    breakIt(a);
    expect(validateArticle(a)).toHaveLength(1);
  });

  it('checks that citations quote exactly what their span holds', () => {
    const a = article();
    const story = {
      id: 's1',
      title: 't',
      keywords: [],
      articles: ['a1'],
      entities: [],
      quotes: [],
      facts: [],
      timeline: [],
      summary: [{ text: 'x', sources: [{ article: 'a1', start: 0, end: 6, text: 'Okafor' }] }],
    };
    expect(validateFindings({ articles: [a], stories: [story], duplicates: [], reuse: [] })).toEqual([]);
    story.summary[0]!.sources[0]!.text = 'Brandt';
    expect(
      validateFindings({ articles: [a], stories: [story], duplicates: [], reuse: [] })[0]!.problem,
    ).toMatch(/claims "Brandt"/);
    story.summary[0]!.sources[0]!.article = 'zz';
    expect(
      validateFindings({ articles: [a], stories: [story], duplicates: [], reuse: [] })[0]!.problem,
    ).toMatch(/unknown article zz/);
  });

  it('checks reuse passages on both sides', () => {
    const a = article();
    const b = createArticle({ id: 'b1', text: 'Okafor spoke.' });
    const reuse = [
      {
        a: 'a1',
        b: 'b1',
        similarity: 1,
        passages: [
          { a: { start: 0, end: 6, text: 'Okafor' }, b: { start: 0, end: 7, text: 'Okafor' }, similarity: 1 },
        ],
      },
    ];
    expect(validateFindings({ articles: [a, b], stories: [], duplicates: [], reuse })).toHaveLength(1);
  });
});
