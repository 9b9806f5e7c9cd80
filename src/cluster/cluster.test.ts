import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { contentWords } from '../compare/words.ts';
import { createArticle } from '../model/index.ts';
import { loadArticles, prepareArticle } from '../pipeline/index.ts';
import { createCorpusEngine } from '../store/engine.ts';
import { syntheticArticles } from '../testing/synthetic.ts';
import { clusterArticles, StoryClusterer } from './index.ts';
import { kthLargest, markTop, Vocabulary } from './vocabulary.ts';

const prepared = (n: number, stories: number) =>
  syntheticArticles(n, stories).map((s) => ({
    article: prepareArticle(
      {
        id: s.id,
        source: {},
        format: 'text',
        content: s.text,
        meta: { title: s.title, outlet: s.outlet, published: s.published },
      },
      { id: s.id },
    ),
  }));

describe('story clustering', () => {
  it('groups the articles of each fixture story and keeps the stories apart', async () => {
    const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
    const { articles } = await loadArticles([
      join(root, 'examples'),
      join(root, 'src', 'compare', 'fixtures', 'harbor-fire.jsonl'),
      join(root, 'src', 'compare', 'fixtures', 'city-protest.jsonl'),
    ]);
    const groups = clusterArticles(articles, []);
    const storyOf = (id: string) => groups.find((g) => g.articles.includes(id))!.id;
    const expected = (id: string) =>
      id.startsWith('hf-') ? 'fire' : id.startsWith('cp-') ? 'protest' : 'talks';
    for (const a of articles)
      for (const b of articles)
        expect(storyOf(a.id) === storyOf(b.id)).toBe(expected(a.id) === expected(b.id));
    expect(groups.every((g) => g.title && g.keywords.length > 0)).toBe(true);
  });

  it('lets a copy join its original and a follow-up a week later join the story', () => {
    const text =
      'The fire at the Port Sella fuel depot killed twelve workers, the regional fire service said on Tuesday. Chief Marta Ilves said the blaze burned for nine hours.';
    const original = createArticle({
      id: 'orig',
      text,
      meta: { title: 'Depot fire kills 12', published: '2026-06-10T08:00:00Z' },
    });
    const copy = createArticle({
      id: 'copy',
      text: 'Completely different words about cheese markets in another town entirely.',
      meta: { published: '2026-06-10T09:00:00Z' },
    });
    const followUp = createArticle({
      id: 'later',
      text: 'A week after the fire at the Port Sella fuel depot that killed twelve workers, chief Marta Ilves said the depot would not reopen.',
      meta: { published: '2026-06-17T08:00:00Z' },
    });
    const groups = clusterArticles(
      [original, copy, followUp],
      [{ a: 'orig', b: 'copy', kind: 'syndicated', similarity: 0.9, original: 'orig' }],
    );
    expect(groups).toHaveLength(1);
    expect(groups[0]!.articles.sort()).toEqual(['copy', 'later', 'orig']);
  });

  it('decides the same after its state is saved and restored at any point', () => {
    const items = prepared(90, 7).map((i) => i.article);
    const run = (every: number) => {
      let engine = createCorpusEngine(null);
      return items.map((a, i) => {
        if (i % every === 0) engine = createCorpusEngine(JSON.parse(JSON.stringify(engine.toJSON())));
        return engine.add(a).story;
      });
    };
    expect(run(7)).toEqual(run(1000));
    const c = new StoryClusterer();
    for (const a of items.slice(0, 10)) c.add(a);
    expect(StoryClusterer.fromJSON(JSON.parse(JSON.stringify(c.toJSON()))).liveStories).toBe(c.liveStories);
  });
});

describe('story merges', () => {
  it('folds a younger story into an older one once their centroids converge, and reports it', async () => {
    const { StoryClusterer } = await import('./engine.ts');
    const { createArticle } = await import('../model/index.ts');
    const c = new StoryClusterer({ threshold: 0.6, mergeThreshold: 0.2 });
    const harbour =
      'Dredging of the eastern harbour channel resumed at Port Sella after a two-month pause, the harbour authority said.';
    const losses =
      'Local shipping firms at Port Sella counted heavy losses from the long dredging pause in the channel.';
    const first = c.add(createArticle({ id: 'a', text: harbour }));
    const second = c.add(createArticle({ id: 'b', text: losses }));
    expect(second).not.toBe(first);
    expect(c.takeMerges()).toEqual([]);
    const third = c.add(createArticle({ id: 'c', text: `${harbour} ${losses}` }));
    expect(c.takeMerges()).toEqual([{ from: second, into: first }]);
    expect(third).toBe(first);
    expect(c.liveStories).toBe(1);
  });
});

describe('scoring', () => {
  it("scores a small story by its members' mean similarity, so a loose story does not chain", () => {
    const texts = [
      'Harbour cranes at Port Sella stood idle on Monday as dockworkers walked out over pay.',
      'Dockworkers at Port Sella stayed out on Tuesday; the strike over pay has idled the harbour cranes and ferries.',
      // Close to the second article only (the cancelled ferries), not to the strike as a whole.
      'Ferries to the islands were cancelled on Tuesday and stranded travellers queued at the terminal for buses.',
    ].map((text, i) => createArticle({ id: `h${i}`, text }));
    const place = (options: { smallStory?: number }) => {
      const c = new StoryClusterer({ threshold: 0.1, ...options });
      return texts.map((a) => c.add(a));
    };
    // By the centroid cosine, the pair's shared centroid pulls the third article in.
    expect(place({ smallStory: 0 })).toEqual(['s1', 's1', 's1']);
    // By the mean over the pair's members, it is close to one of two: a story of its own.
    expect(place({})).toEqual(['s1', 's1', 's2']);
  });

  it('counts the lead from the words it shares with the body exactly as reading it again would', () => {
    // The counting as written before the lead shared the body's words: each text tokenised on its own.
    const reference = (article: Parameters<typeof StoryClusterer.terms>[0]) => {
      const tf = new Map<string, number>();
      for (const w of contentWords(article.meta.title ?? '')) tf.set(w, (tf.get(w) ?? 0) + 2);
      for (const text of [article.text.slice(0, 10_000), article.text.slice(0, 400)])
        for (const w of contentWords(text)) if (!/^\d+$/.test(w)) tf.set(w, (tf.get(w) ?? 0) + 1);
      return tf;
    };
    // Pieces that test the cut: words split at the lead's end, commas and apostrophes inside and after
    // words, numbers, astral letters (surrogate pairs the cut may split), text without any blank.
    const pieces = [
      'harbour',
      'Dredging',
      "ministers'",
      'talks,',
      'it\u2019s',
      '1,200',
      '2026',
      'twelve',
      'the',
      'a',
      '\u{1d49c}\u{1d49e}',
      'caf\u00e9',
      '\u6e2f\u53e3',
      '\u{1f525}',
      '.',
      '-',
      ',',
      "'",
      '\u2019',
    ];
    const blanks = [' ', ' ', ' ', '\n', '\t', '', ''];
    let seed = 11;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return Math.floor((seed / 2147483648) * n);
    };
    for (let t = 0; t < 400; t++) {
      let text = '';
      const length = 380 + rand(60);
      const noBlanks = t % 10 === 0;
      while (text.length < length)
        text += pieces[rand(pieces.length)]! + (noBlanks ? '' : blanks[rand(blanks.length)]!);
      const article = createArticle({ id: `t${t}`, text, meta: t % 3 ? {} : { title: text.slice(0, 40) } });
      expect([...StoryClusterer.terms(article)]).toEqual([...reference(article)]);
    }
  });

  it('counts the opening of an article again, as a title for pages without one', () => {
    const body = `Ferries to Lunde were cancelled. ${'The weather was mild and calm all week long. '.repeat(12)}Volunteers handed out blankets.`;
    const tf = StoryClusterer.terms(createArticle({ id: 'f', text: body }));
    expect(tf.get('lunde')).toBe(2);
    expect(tf.get('blanket')).toBe(1);
  });
});

describe('saving and restoring', () => {
  it('a clusterer restored after every article decides exactly as one kept in memory', async () => {
    const { StoryClusterer } = await import('./engine.ts');
    const { createArticle } = await import('../model/index.ts');
    const topics = [
      'harbour dredging channel ships port authority pause cables',
      'election ballots turnout district council mayor votes count',
      'wildfire hills evacuation firefighters wind acres homes',
      'vaccine clinic doses nurses winter flu hospital queue',
    ].map((t) => t.split(' '));
    let seed = 7;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const articles = Array.from({ length: 60 }, (_, i) => {
      const words = topics[Math.floor(rand() * topics.length)]!;
      const shared = topics[Math.floor(rand() * topics.length)]!;
      const text = Array.from({ length: 40 }, () =>
        rand() < 0.7 ? words[Math.floor(rand() * words.length)] : shared[Math.floor(rand() * shared.length)],
      ).join(' ');
      return createArticle({ id: `a${i}`, text: `${text}.` });
    });
    const options = { threshold: 0.3, mergeThreshold: 0.35 };
    const live = new StoryClusterer(options);
    let restored = new StoryClusterer(options);
    for (const a of articles) {
      const expected = live.add(a);
      restored = StoryClusterer.fromJSON(JSON.parse(JSON.stringify(restored.toJSON())), options);
      expect(restored.add(a)).toBe(expected);
      expect(restored.takeMerges()).toEqual(live.takeMerges());
    }
  });
});

describe('vocabulary and selection', () => {
  it('picks the k heaviest as sorting would, ties going to the earlier entries', () => {
    let seed = 5;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let t = 0; t < 2000; t++) {
      const n = 1 + Math.floor(rand() * 60);
      const weights = Float64Array.from({ length: n }, () =>
        rand() < 0.5 ? Math.floor(rand() * 4) : rand(),
      );
      const k = 1 + Math.floor(rand() * n);
      const sorted = weights.slice().sort();
      expect(kthLargest(weights.slice(), n, k)).toBe(sorted[n - k]);
      // The reference: a stable sort by weight, heaviest first, then the first k in their original order.
      const chosen = new Set(
        [...weights.keys()].sort((a, b) => weights[b]! - weights[a]!).slice(0, Math.min(k, n)),
      );
      const keep = new Uint8Array(n);
      expect(markTop(weights, n, k, keep, new Float64Array(n))).toBe(chosen.size);
      expect([...keep].map((x) => x === 1)).toEqual([...weights.keys()].map((i) => chosen.has(i)));
    }
  });

  it('keeps term ids and document frequencies as the table grows', () => {
    const vocabulary = new Vocabulary();
    const terms = Array.from({ length: 5000 }, (_, i) => `t${i}`);
    const ids = new Int32Array(terms.length);
    const tf = new Float64Array(terms.length);
    const df = new Float64Array(terms.length);
    vocabulary.setDf('t7', 3);
    for (const doc of [terms, terms.slice(0, 10)]) {
      for (const term of doc) vocabulary.count(term, 1);
      vocabulary.count('t1', 2);
      vocabulary.endDocument(ids, tf, df);
    }
    expect(terms.map((t) => vocabulary.id(t))).toEqual(
      terms.map((_, i) => (i === 7 ? 0 : i < 7 ? i + 1 : i)),
    );
    expect([...ids.slice(0, 3)]).toEqual([1, 2, 3]);
    expect([...tf.slice(0, 3)]).toEqual([1, 3, 1]);
    expect([...df.slice(0, 10)]).toEqual([2, 2, 2, 2, 2, 2, 2, 5, 2, 2]);
    expect(vocabulary.dfEntries().slice(0, 3)).toEqual([
      ['t7', 5],
      ['t0', 2],
      ['t1', 2],
    ]);
  });
});
