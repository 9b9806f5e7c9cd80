import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type EventMention, eventFacts } from './events.ts';
import { bagVector, Idf, vectorCosine } from './words.ts';

/** The rule eventFacts implements, by brute force: every mention is scored against every group in turn. */
function groupsByVisitingAll(mentions: EventMention[], idf: Idf, minCosine: number, minShared: number) {
  const groups: { members: EventMention[]; articles: Set<string> }[] = [];
  for (const item of mentions) {
    let best: (typeof groups)[number] | undefined;
    let bestScore = minCosine;
    for (const g of groups) {
      if (g.articles.has(item.value.article)) continue;
      let score = 0;
      for (const m of g.members) {
        const cosine = vectorCosine(bagVector(m.words, idf), bagVector(item.words, idf));
        const shared = new Set(item.words.filter((w) => m.words.includes(w))).size;
        if (cosine > score && cosine >= bestScore && shared >= minShared) score = cosine;
      }
      if (score >= bestScore) {
        best = g;
        bestScore = score;
      }
    }
    if (!best) {
      best = { members: [], articles: new Set() };
      groups.push(best);
    }
    best.members.push(item);
    best.articles.add(item.value.article);
  }
  return groups.map((g) => g.members);
}

describe('eventFacts', () => {
  it('groups exactly as scoring every mention against every group would', () => {
    const word = fc.constantFrom(
      'met',
      'geneva',
      'border',
      'talks',
      'signed',
      'deal',
      'vote',
      'troops',
      'aid',
    );
    const mention = fc.record({
      article: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
      day: fc.integer({ min: 1, max: 3 }),
      // Few distinct sentences, so that a mention often matches two groups equally well.
      words: fc.oneof(
        fc.constantFrom(
          ['met', 'geneva', 'border'],
          ['met', 'geneva', 'talks'],
          ['signed', 'deal', 'geneva'],
        ),
        fc.array(word, { maxLength: 6 }),
      ),
    });
    fc.assert(
      fc.property(fc.array(mention, { maxLength: 25 }), (drawn) => {
        const mentions: EventMention[] = drawn.map((m, i) => ({
          value: {
            article: m.article,
            start: i,
            end: i + 1,
            text: `${m.day}`,
            low: m.day,
            high: m.day,
            outlet: m.article,
          },
          words: [...m.words],
        }));
        const idf = new Idf();
        for (const m of mentions) idf.add(m.words);
        const expected = groupsByVisitingAll(mentions, idf, 0.5, 2)
          .filter((g) => new Set(g.map((i) => i.value.outlet)).size > 1)
          .map((g) => g.map((i) => i.value));
        const facts = eventFacts(
          mentions,
          idf,
          { minCosine: 0.5, minSharedWords: 2 },
          { dimension: 'date', unit: 'date', firstId: 1 },
        );
        expect(facts.map((f) => f.values)).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});
