import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compareStory } from '../compare/index.ts';
import { validateFindings } from '../model/index.ts';
import { loadArticles } from '../pipeline/index.ts';
import { buildTimeline, porterStem, rouge, summarizeStory } from './index.ts';

const examples = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'examples');

describe('summary and timeline of the example story', async () => {
  const { articles } = await loadArticles([examples]);
  const { facts, quotes } = compareStory(articles);
  const summary = summarizeStory({ articles, facts, quotes }, { words: 150 });
  const timeline = buildTimeline({ articles, facts, quotes });
  const story = {
    id: 's',
    title: '',
    keywords: [],
    articles: articles.map((a) => a.id),
    entities: [],
    quotes: [],
    facts: [],
    summary,
    timeline,
  };

  it('cites valid spans for every sentence', () => {
    expect(summary.length).toBeGreaterThan(2);
    expect(summary.every((s) => s.sources.length > 0)).toBe(true);
    expect(validateFindings({ articles, stories: [story], duplicates: [], reuse: [] })).toEqual([]);
  });

  it('states the contested length of the talks as contested, citing every value', () => {
    const contested = summary.find((s) => /^Reports of the talks differ/.test(s.text));
    expect(contested).toBeDefined();
    expect(contested!.text).toContain('roughly 3-1/2 hours (Valdoria State News)');
    expect(new Set(contested!.sources.map((s) => s.article)).size).toBeGreaterThanOrEqual(4);
  });

  it('respects the length budget and cites several outlets for shared sentences', () => {
    const words = summary
      .filter((s) => !s.text.startsWith('Reports of'))
      .reduce((n, s) => n + s.text.split(/\s+/).length, 0);
    expect(words).toBeLessThanOrEqual(150);
    expect(summary.some((s) => new Set(s.sources.map((x) => x.article)).size >= 3)).toBe(true);
    expect(summarizeStory({ articles, facts: [], quotes: [] }, { sentences: 2 })).toHaveLength(2);
  });

  it('orders a dated timeline and merges one event told by several outlets', () => {
    const dated = timeline.filter((t) => t.date);
    expect(dated.map((t) => t.date)).toEqual([...dated.map((t) => t.date)].sort());
    expect(
      timeline.some(
        (t) => t.date?.startsWith('2026-03-02') && new Set(t.sources.map((s) => s.article)).size >= 2,
      ),
    ).toBe(true);
    expect(timeline.some((t) => t.date?.startsWith('2026-03-09'))).toBe(true);
  });
});

describe('ROUGE', () => {
  it('stems as NLTK does, including its extensions', () => {
    expect(
      [
        'caresses',
        'ponies',
        'ties',
        'dying',
        'agreed',
        'happiness',
        'generalization',
        'sensibility',
        'archaeology',
        'enjoy',
      ].map(porterStem),
    ).toEqual(['caress', 'poni', 'tie', 'die', 'agre', 'happi', 'gener', 'sensibl', 'archaeolog', 'enjoy']);
  });

  it('scores identical texts 1 and disjoint texts 0, with clipped counts', () => {
    expect(rouge('the cat sat', 'the cat sat').rouge1.f).toBe(1);
    expect(rouge('the cat sat', 'dogs ran far').rouge2.f).toBe(0);
    const r = rouge('the the the cat', 'the cat');
    expect(r.rouge1.p).toBe(1);
    expect(r.rouge1.r).toBe(0.5);
  });
});
