import { describe, expect, it } from 'vitest';
import { createArticle, validateFindings } from '../model/index.ts';
import { annotateLanguage } from '../pipeline/index.ts';
import { alignArticles, detectReuse, ReuseIndex } from './index.ts';
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

  it('finds paraphrased copies but not independent reports, follow-ups or reused paragraphs', async () => {
    const r = await paraphraseScores();
    expect(r.goldPairs).toBeGreaterThanOrEqual(12);
    expect(r.negatives).toBeGreaterThanOrEqual(8);
    expect(r.precision).toBe(1);
    expect(r.recall).toBeGreaterThanOrEqual(0.85);
    expect(r.predicted.some((d) => d.a.startsWith('n') || d.b.startsWith('n'))).toBe(false);
  });

  it('aligns the copies of one original with it alone, and still pairs every copy with every other', () => {
    const wire = article('wire', base, '2026-03-02T08:00:00Z');
    const copies = Array.from({ length: 6 }, (_, i) =>
      article(`copy-${i}`, `${base} Republished by outlet ${i} under licence.`, `2026-03-02T1${i}:00:00Z`),
    );
    const exact = Array.from({ length: 3 }, (_, i) => article(`exact-${i}`, base, `2026-03-03T0${i}:00:00Z`));
    const articles = [...copies, wire, ...exact];
    const { duplicates, reuse } = detectReuse(articles);
    // Passages come once per copy, each against the original.
    expect(reuse).toHaveLength(copies.length + exact.length);
    expect(reuse.every((r) => r.a === 'wire' || r.b === 'wire')).toBe(true);
    expect(reuse.every((r) => r.passages.length > 0)).toBe(true);
    // Every pair of near copies is still a duplicate, and no two exact copies pass for paraphrases.
    const near = duplicates.filter((d) => d.a.startsWith('copy') && d.b.startsWith('copy'));
    expect(near).toHaveLength((copies.length * (copies.length - 1)) / 2);
    expect(duplicates.filter((d) => d.kind === 'paraphrase')).toEqual([]);
    expect(duplicates.filter((d) => d.kind === 'exact').map((d) => d.original)).toEqual([
      'wire',
      'wire',
      'wire',
    ]);
    expect(validateFindings({ articles, stories: [], duplicates, reuse })).toEqual([]);
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

const paraphraseOf = (a: ReturnType<typeof article>, b: ReturnType<typeof article>) =>
  detectReuse([a, b]).duplicates.find((d) => d.kind === 'paraphrase');

describe('paraphrase detection', () => {
  const bridge =
    'Engineers closed the Alder Street bridge in Penwick on Thursday after finding cracks in two of its steel supports. ' +
    'The bridge carries about 9,000 vehicles a day across the river Sull and is the main route to the town hospital. ' +
    'Drivers are being sent on a diversion through Colby that adds around 20 minutes to the journey. ' +
    'The county roads department said a full inspection would take at least three weeks. ' +
    'The bridge was built in 1962 and was last strengthened in 2004. ' +
    'Buses will use a temporary stop on the north bank until the bridge reopens.';

  it('reads hard-wrapped lines as whole sentences', () => {
    const wrappedCopy = [
      'Engineers shut the Alder Street bridge in Penwick on',
      'Thursday after discovering cracks in two of its steel',
      'supports. The bridge takes about 9,000 vehicles a day over',
      'the river Sull and is the main road to the town hospital.',
      'Drivers are being diverted through Colby, adding around 20',
      'minutes to the trip. The county roads department said a full',
      'inspection would take at least three weeks. The bridge was',
      'built in 1962 and last strengthened in 2004. Buses will use a',
      'temporary stop on the north bank until the bridge reopens.',
    ].join('\n');
    const a = article('bridge', bridge);
    const b = article('wrapped', wrappedCopy);
    expect(paraphraseOf(a, b)?.similarity).toBeGreaterThanOrEqual(0.9);
    const { passages } = alignArticles(a, b);
    // One passage of whole sentences, not a string of line-sized fragments.
    expect(passages).toHaveLength(1);
    expect(passages[0]!.b.text.startsWith('Engineers shut')).toBe(true);
    expect(passages[0]!.b.text.endsWith('until the bridge reopens.')).toBe(true);
  });

  it('counts a copy that turns direct quotes into reported speech', () => {
    const quoted = article(
      'quoted',
      'The Harwick rowing club has lost its boathouse lease after 70 years on the river. ' +
        '"We were given six weeks to find somewhere for forty boats," said club captain Nadia Ferris. ' +
        'The landowner, Morvale Estates, wants to turn the site into a cafe and holiday lets. ' +
        '"Nobody from the estate has even come to talk to us," Ferris said. ' +
        'Morvale Estates said the club had been offered space at a former mill two kilometres downstream. ' +
        '"That building floods every winter and has no slipway," said the club\'s treasurer, Owen Platt.',
    );
    const reported = article(
      'reported',
      'Harwick rowing club has lost the lease on its boathouse after 70 years on the river. ' +
        'Club captain Nadia Ferris said members had been given six weeks to find somewhere for forty boats, ' +
        'and that nobody from the estate had even come to talk to them. ' +
        'The landowner, Morvale Estates, plans to turn the site into a cafe and holiday lets. ' +
        'The estate said the club had been offered space at a former mill two kilometres downstream, ' +
        'but treasurer Owen Platt said that building flooded every winter and had no slipway.',
    );
    expect(paraphraseOf(quoted, reported)).toBeDefined();
  });

  // The report that the passage-reuse and follow-up cases below both start from.
  const BRIDGE_CLOSURE =
    'Engineers closed the Alder Street bridge in Penwick on Thursday after finding cracks in two of its steel supports. ' +
    'The bridge carries about 9,000 vehicles a day across the river Sull and is the main route to the town hospital. ' +
    'Drivers are being sent on a diversion through Colby that adds around 20 minutes to the journey. ' +
    'The county roads department said a full inspection would take at least three weeks.';

  it('reports one reused paragraph as passage reuse, not as a copy', () => {
    const original = article('closure', BRIDGE_CLOSURE);
    const column = article(
      'column',
      'Penwick has spent a decade arguing about a second river crossing, and this week showed why. ' +
        'Engineers closed the Alder Street bridge in Penwick on Thursday after finding cracks in two of its steel supports. ' +
        'The bridge carries about 9,000 vehicles a day across the river Sull and is the main route to the town hospital. ' +
        'A second bridge at Ferry Lane was first proposed in 2011 and costed at 14 million euros. ' +
        'Every council since has delayed it, most recently to pay for repairs to the leisure centre. ' +
        'Businesses on the south bank say they lose trade whenever the crossing is closed for maintenance. ' +
        'The regional transport fund opens a new round of grants in the spring, and Penwick should apply.',
    );
    const { duplicates, reuse } = detectReuse([original, column]);
    expect(duplicates).toEqual([]);
    expect(reuse).toHaveLength(1);
    expect(reuse[0]!.passages.some((p) => p.similarity === 1)).toBe(true);
  });

  it('does not take a follow-up restating the background, with names and figures of its own, for a copy', () => {
    const original = article('closure', BRIDGE_CLOSURE);
    const followUp = article(
      'week-later',
      'A week after cracks were found in the Alder Street bridge, ambulance crews in Penwick say the diversion through Colby is costing them time. ' +
        'The bridge, the main route to the town hospital, normally carries about 9,000 vehicles a day across the river Sull. ' +
        'Paramedic Joanna Reyes said one call on Tuesday had taken 17 minutes longer than usual. ' +
        'The Sull valley health trust has moved two ambulances to a station on the south bank until the bridge reopens.',
    );
    expect(paraphraseOf(original, followUp)).toBeUndefined();
  });

  it('lets a heavy rewrite with fewer aligned sentences count only when it adds no names or figures', () => {
    const original = article(
      'orig',
      'Lorry driver Pavel Hanak, 46, was fined 3,000 euros on Monday for driving through the closed Alder Street bridge in Penwick. ' +
        'Cameras recorded his 40-tonne lorry crossing twice on the day after engineers found cracks in the steel supports. ' +
        'Magistrate Irene Coyle said he had put the structure and other road users at risk. ' +
        'Hanak told the court that his satellite navigation had not shown the closure. ' +
        'He also lost his licence for six months.',
    );
    const rewrite = article(
      'rewrite',
      'A 46-year-old lorry driver has been ordered to pay 3,000 euros after taking his vehicle across the Alder Street bridge in Penwick while it was shut. ' +
        'Cameras caught the 40-tonne lorry of Pavel Hanak on the damaged span twice in one day, soon after engineers discovered cracks in the steel supports. ' +
        'Hanak, who blamed his satnav, was banned from driving for six months on Monday. ' +
        'Magistrate Irene Coyle said he had endangered the structure and everyone else on the road.',
    );
    const followUp = article(
      'follow',
      'Lorry driver Pavel Hanak, 46, was fined 3,000 euros on Monday for driving through the closed Alder Street bridge in Penwick. ' +
        'Since the closure, Penwick police have stopped 23 other heavy vehicles at the barriers, sergeant Mia Dunlop said. ' +
        'The county now plans height barriers at both ends, at a cost of 60,000 euros, before the bridge reopens in May.',
    );
    // Only the second rule can find a copy here: aligned sentences that must cover the whole text never do.
    const strict = { paraphraseCoverage: 1.01, rewriteCoverage: 0.5 };
    const found = (x: typeof original, y: typeof original) =>
      detectReuse([x, y], strict).duplicates.some((d) => d.kind === 'paraphrase');
    const { a, b } = alignArticles(original, rewrite);
    expect(Math.max(a.share, b.share)).toBeLessThan(1);
    expect(b.sharedFacts).toBe(b.facts);
    expect(found(original, rewrite)).toBe(true);
    const follow = alignArticles(original, followUp).b;
    expect(follow.share).toBeGreaterThanOrEqual(0.3);
    expect(follow.sharedFacts).toBeLessThan(follow.facts);
    expect(found(original, followUp)).toBe(false);
  });

  it('aligns a sentence cut in two with the whole sentence', () => {
    const long = article(
      'long',
      'The Penwick food bank handed out 1,400 parcels in March, twice as many as a year ago, and its manager said shelves were emptying faster than donations arrived. ' +
        'Volunteers now open the warehouse on Saturdays as well as weekdays.',
    );
    const split = article(
      'split',
      'The Penwick food bank gave out 1,400 parcels in March. ' +
        'That is twice as many as a year ago. ' +
        'Its manager said shelves were emptying faster than donations arrived. ' +
        'Volunteers now open the warehouse on Saturdays as well as weekdays.',
    );
    const { passages, a } = alignArticles(long, split);
    expect(a.share).toBe(1);
    expect(passages).toHaveLength(1);
    expect(passages[0]!.b.text).toContain('That is twice as many');
  });

  it('does not pair two reports of different quotes from one speech by their shared attribution', () => {
    const first = article(
      'speech-1',
      'Mayor Elena Brandt spoke at the Penwick chamber of commerce dinner on Friday. ' +
        '"This town has waited too long for a second bridge, and we will not wait any longer," Brandt said in her speech to the chamber of commerce. ' +
        '"The money is there, the plans are drawn, and the only thing missing has been the will," she said.',
    );
    const second = article(
      'speech-2',
      'Mayor Elena Brandt spoke at the Penwick chamber of commerce dinner on Friday. ' +
        '"Our young people are leaving because there are no homes they can afford," Brandt said in her speech to the chamber of commerce. ' +
        '"We will build four hundred of them on the old gasworks site before the next election," she said.',
    );
    expect(paraphraseOf(first, second)).toBeUndefined();
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
