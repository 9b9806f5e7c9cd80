import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RawDocument } from '../ingest/index.ts';
import { validateArticle } from '../model/index.ts';
import { buildStory, prepareArticle } from '../pipeline/index.ts';
import { unpackArticle } from './codec.ts';
import { Corpus, type CorpusEngine } from './corpus.ts';
import { createCorpusEngine } from './engine.ts';
import type { Store } from './store.ts';
import { openTestStore, testDatabases } from './testing.ts';

/**
 * A deterministic engine for testing the corpus mechanics alone: an article joins the story named by the
 * first word of its text, and "MERGE a b" articles merge story a into b.
 */
function testEngine(state: unknown): CorpusEngine {
  const s = (state as { stories: string[] } | null) ?? { stories: [] };
  let merges: { from: string; into: string }[] = [];
  return {
    add(article) {
      const word = article.text.split(/\s+/)[0]!.toLowerCase();
      const m = /^MERGE (\w+) (\w+)/.exec(article.text);
      if (m) merges.push({ from: m[1]!, into: m[2]! });
      if (!s.stories.includes(word)) s.stories.push(word);
      return { story: word, duplicates: [], storyTitle: `Story ${word}` };
    },
    takeMerges() {
      const out = merges;
      merges = [];
      return out;
    },
    toJSON: () => s,
  };
}

const doc = (id: string, content: string, meta: RawDocument['meta'] = {}): RawDocument => ({
  id,
  source: { path: 'test' },
  format: 'text',
  content,
  meta,
});

describe.each(testDatabases())('Corpus on the $name database', (database) => {
  let store: Store;
  let corpus: Corpus;

  beforeAll(async () => {
    store = await openTestStore(database);
    corpus = new Corpus(store, testEngine);
  });
  afterAll(() => store.close());

  it('stores articles with their layers and builds their stories', async () => {
    const results = await corpus.add([
      doc('h1', 'harbour workers walked out on Monday over pay.', {
        outlet: 'Coast Times',
        published: '2026-05-04',
      }),
      doc('h2', 'harbour strike enters second day as talks stall.', {
        outlet: 'Port Radio',
        published: '2026-05-05',
      }),
      doc('v1', 'vineyard fire destroys two barns near the river.', { outlet: 'Valley News' }),
    ]);
    expect(results).toEqual([
      { id: 'h1', created: true, story: 'harbour' },
      { id: 'h2', created: true, story: 'harbour' },
      { id: 'v1', created: true, story: 'vineyard' },
    ]);
    const stored = (await store.getArticle('h1'))!;
    expect(stored.text).toBe('harbour workers walked out on Monday over pay.');
    expect(stored.meta.outlet).toBe('Coast Times');
    expect(validateArticle(stored)).toEqual([]);
    const story = (await store.getStory('harbour'))!;
    expect(story.articles).toEqual(['h1', 'h2']);
    expect(story.title).toBe('Story harbour');
    const list = await store.listStories();
    expect(list.total).toBe(2);
    expect(list.stories.find((s) => s.id === 'harbour')).toMatchObject({ articleCount: 2, outletCount: 2 });
  });

  it('keeps findings compressed, and still reads a story saved before they were', async () => {
    const [row] = await store.db.query<{ data: unknown; body: string | null }>(
      "select data, body from stories where id = 'harbour'",
    );
    expect(row!.data).toBeNull();
    const story = (await store.getStory('harbour'))!;
    expect(row!.body!.length).toBeLessThan(JSON.stringify(story).length);
    // As migration 7 left the stories saved before it: the JSON in data, no body.
    const { version: _version, updatedAt: _updatedAt, ...findings } = story;
    await store.db.query(
      `insert into stories (id, title, data, article_count, outlet_count, conflict_count)
       values ('legacy', 'Legacy', $1, 2, 2, 0)`,
      [JSON.stringify({ ...findings, id: 'legacy', title: 'Legacy' })],
    );
    expect(await store.getStory('legacy')).toMatchObject({ id: 'legacy', articles: ['h1', 'h2'] });
    await store.deleteStory('legacy');
  });

  it('keeps annotation layers compressed, and still reads an article stored before they were', async () => {
    const [row] = await store.db.query<{ annotations: unknown; removed: unknown; layers: string | null }>(
      "select annotations, removed, layers from articles where id = 'h1'",
    );
    expect(row).toMatchObject({ annotations: null, removed: null });
    const stored = (await store.getArticle('h1'))!;
    expect(stored.annotations.sentences.length).toBeGreaterThan(0);
    // As migration 8 left the articles stored before it: the layers as JSON, none compressed.
    await store.db.query(
      `insert into articles (id, content_hash, source, meta, text, annotations, removed, flags, story_id)
       values ('legacy-a', 'legacy-hash', $1, $2, $3, $4, $5, '[]', null)`,
      [
        JSON.stringify(stored.source),
        JSON.stringify(stored.meta),
        stored.text,
        JSON.stringify(stored.annotations),
        JSON.stringify(stored.removed),
      ],
    );
    const legacy = (await store.getArticle('legacy-a'))!;
    expect(legacy.annotations).toEqual(stored.annotations);
    expect(legacy.removed).toEqual(stored.removed);
    expect(validateArticle(legacy)).toEqual([]);
    await store.db.query("delete from articles where id = 'legacy-a'");
  });

  it('is idempotent: the same content twice changes nothing', async () => {
    const before = await store.countArticles();
    const version = (await store.getStory('harbour'))!.version;
    const again = await corpus.add([
      doc('h1', 'harbour workers walked out on Monday over pay.', {
        outlet: 'Coast Times',
        published: '2026-05-04',
      }),
    ]);
    expect(again).toEqual([{ id: 'h1', created: false, story: 'harbour' }]);
    expect(await store.countArticles()).toBe(before);
    expect((await store.getStory('harbour'))!.version).toBe(version);
  });

  it('gives a new article whose id is taken a distinct id', async () => {
    const [r] = await corpus.add([doc('h1', 'harbour police cleared the gates at dawn.')]);
    expect(r!.id).toMatch(/^h1-[0-9a-f]{8}$/);
    expect(r!.created).toBe(true);
  });

  it('moves every article of a merged story and drops the old story', async () => {
    await corpus.add([doc('m1', 'MERGE vineyard harbour: the fire began in the harbour district.')]);
    expect(await store.getStory('vineyard')).toBeNull();
    expect((await store.getArticle('v1'))!.story).toBe('harbour');
  });

  it('finds articles placed without a rebuild: search indexes what is not indexed yet first', async () => {
    await corpus.add([doc('k1', 'kelp farmers report a record harvest along the fjord.')], {
      rebuild: false,
    });
    const [row] = await store.db.query<{ indexed: boolean }>(
      "select tsv is not null as indexed from articles where id = 'k1'",
    );
    expect(row!.indexed).toBe(false);
    expect((await store.searchArticles('harvests')).map((r) => r.id)).toEqual(['k1']);
    expect(await store.indexArticles()).toBe(0);
  });

  it('defers story rebuilds when asked, and catches up on rebuildStale', async () => {
    await corpus.add([doc('o1', 'orchard growers expect a record harvest after a mild spring.')]);
    const before = await store.getStory('orchard');
    expect(before?.articles).toEqual(['o1']);
    await corpus.add([doc('o2', 'orchard prices fall as the record harvest arrives.')], { rebuild: false });
    expect((await store.getStory('orchard'))?.articles).toEqual(['o1']);
    expect(await corpus.rebuildStale()).toBe(1);
    expect((await store.getStory('orchard'))?.articles.sort()).toEqual(['o1', 'o2']);
    expect(await corpus.rebuildStale()).toBe(0);
  });

  it('builds a story again when an article joins it while it is being built', async () => {
    await corpus.add([doc('q1', 'quarry blasting resumes after the inquiry.')]);
    let joined = false;
    const builtWith: string[][] = [];
    // A pool whose story builds let a placement happen half-way, as another worker's would.
    const racing = new Corpus(store, testEngine, {
      pool: {
        size: 2,
        prepareForStore: async (raw, id) => ({ article: prepareArticle(raw, { id }) }),
        buildStory: async (group, articles, duplicates) => {
          builtWith.push([...group.articles]);
          if (!joined) {
            joined = true;
            await racing.add([doc('q2', 'quarry neighbours object to the blasting.')], { rebuild: false });
          }
          return buildStory(group, articles.map(unpackArticle), duplicates);
        },
      },
    });
    await racing.add([doc('q3', 'quarry owners promise quieter blasting.')], { rebuild: false });
    await racing.rebuildStale();
    // The first build missed q2 and was not saved; the story was built again with it.
    expect(builtWith.map((ids) => ids.sort())).toEqual([
      ['q1', 'q3'],
      ['q1', 'q2', 'q3'],
    ]);
    expect((await store.getStory('quarry'))?.articles.sort()).toEqual(['q1', 'q2', 'q3']);
    expect(await racing.rebuildStale()).toBe(0);
  });

  it('has workers rebuilding at once build each stale story once, between them', async () => {
    await corpus.add(
      ['kiln', 'ferry', 'glacier', 'meadow', 'tannery', 'viaduct'].map((word, i) =>
        doc(`shared-${i}`, `${word} story number ${i} for the shared rebuild.`),
      ),
      { rebuild: false },
    );
    const stale = Number(
      (await store.db.query<{ n: string }>('select count(*) as n from stale_stories'))[0]!.n,
    );
    expect(stale).toBe(6);
    const built: string[] = [];
    // Builds that take a while, so that both workers are at it together, as two processes would be.
    const worker = () =>
      new Corpus(store, testEngine, {
        pool: {
          size: 1,
          prepareForStore: async (raw, id) => ({ article: prepareArticle(raw, { id }) }),
          buildStory: async (group, articles, duplicates) => {
            built.push(group.id);
            await new Promise((resolve) => setTimeout(resolve, 20));
            return buildStory(group, articles.map(unpackArticle), duplicates);
          },
        },
      });
    const [a, b] = await Promise.all([worker().rebuildStale(), worker().rebuildStale()]);
    expect(a + b).toBe(6);
    expect(built.sort()).toEqual(['ferry', 'glacier', 'kiln', 'meadow', 'tannery', 'viaduct']);
    expect(await store.db.query('select id from stale_stories')).toEqual([]);
  });

  it('frees the claim on a story whose build failed, so that the next round builds it', async () => {
    await corpus.add([doc('x1', 'xylophone makers report a record year.')], { rebuild: false });
    const failing = new Corpus(store, testEngine, {
      pool: {
        size: 1,
        prepareForStore: async (raw, id) => ({ article: prepareArticle(raw, { id }) }),
        buildStory: async () => {
          throw new Error('thread died');
        },
      },
    });
    await expect(failing.rebuildStale()).rejects.toThrow('thread died');
    const [row] = await store.db.query<{ claimed_until: unknown }>(
      "select claimed_until from stale_stories where id = 'xylophone'",
    );
    expect(row).toEqual({ claimed_until: null });
    expect(await corpus.rebuildStale()).toBe(1);
    expect((await store.getStory('xylophone'))?.articles).toEqual(['x1']);
  });

  it('reports a failed build only once the builds beside it are done', async () => {
    await corpus.add([doc('l1', 'lantern festival returns.'), doc('u1', 'umbrella factory expands.')], {
      rebuild: false,
    });
    let slowDone = false;
    const mixed = new Corpus(store, testEngine, {
      pool: {
        size: 1,
        prepareForStore: async (raw, id) => ({ article: prepareArticle(raw, { id }) }),
        buildStory: async (group, articles, duplicates) => {
          if (group.id === 'lantern') throw new Error('thread died');
          await new Promise((resolve) => setTimeout(resolve, 50));
          slowDone = true;
          return buildStory(group, articles.map(unpackArticle), duplicates);
        },
      },
    });
    await expect(mixed.rebuildStale()).rejects.toThrow('thread died');
    expect(slowDone).toBe(true);
    expect((await store.getStory('umbrella'))?.articles).toEqual(['u1']);
    expect(await corpus.rebuildStale()).toBe(1);
  });

  it('leaves a story claimed by another worker to it until the claim lapses', async () => {
    await corpus.add([doc('y1', 'yacht race postponed by storms.')], { rebuild: false });
    await store.db.query(
      "update stale_stories set claimed_until = now() + interval '1 minute' where id = 'yacht'",
    );
    expect(await corpus.rebuildStale()).toBe(0);
    expect(await store.getStory('yacht')).toBeNull();
    await store.db.query(
      "update stale_stories set claimed_until = now() - interval '1 second' where id = 'yacht'",
    );
    expect(await corpus.rebuildStale()).toBe(1);
    expect((await store.getStory('yacht'))?.articles).toEqual(['y1']);
  });

  it('enqueues and places overlapping calls in the order they were made', async () => {
    const slow = new Corpus(store, testEngine, {
      pool: {
        size: 2,
        // The first call's preparation finishes last, as a big batch would.
        prepareForStore: async (raw, id) => {
          if (raw.id!.startsWith('r1')) await new Promise((r) => setTimeout(r, 50));
          return { article: prepareArticle(raw, { id }) };
        },
        buildStory: async (group, articles, duplicates) =>
          buildStory(group, articles.map(unpackArticle), duplicates),
      },
    });
    const [first, second] = await Promise.all([
      slow.add([doc('r1a', 'river levels rise.'), doc('r1b', 'river barriers go up.')], { rebuild: false }),
      slow.add([doc('r2a', 'river crests at dawn.')], { rebuild: false }),
    ]);
    expect([...first!, ...second!].map((r) => [r.id, r.story])).toEqual([
      ['r1a', 'river'],
      ['r1b', 'river'],
      ['r2a', 'river'],
    ]);
    const order = await store.db.query<{ id: string }>(
      `select id from articles where id like 'r_%' order by seq`,
    );
    expect(order.map((r) => r.id)).toEqual(['r1a', 'r1b', 'r2a']);
    expect(await store.db.query('select seq from inbox')).toEqual([]);
  });

  it('gives a second process the engine of the first: the saved state plus the articles placed since', async () => {
    const wire =
      'The port authority said on Tuesday that the northern breakwater would be rebuilt over two years at a cost of 40 million euros, after storms in January damaged a third of its length and forced the closure of two berths.';
    const first = new Corpus(store, createCorpusEngine);
    await first.add([
      doc('w1', 'Lighthouse keepers mark a century of service on the rocky northern cape this summer.'),
    ]);
    // Placed after the state was saved (the first placement saves it; the next ones are replayed).
    await first.add([doc('w2', wire)]);
    const second = new Corpus(store, createCorpusEngine);
    const [copy] = await second.add([doc('w3', `UPDATED: ${wire} Reporting by the wire desk.`)]);
    const original = (await store.getArticle('w2'))!;
    expect(copy!.story).toBe(original.story);
    expect((await store.duplicatesOf(['w3'])).map((d) => [d.a, d.b])).toEqual([['w2', 'w3']]);
  });

  it('searches articles and stories by full text', async () => {
    const hits = await store.searchArticles('strike talks');
    expect(hits.map((h) => h.id)).toContain('h2');
    expect(hits[0]!.snippet).toMatch(/<<strike>>|<<talks>>/);
    const stories = await store.listStories({ query: 'barns' });
    expect(stories.stories.map((s) => s.id)).toEqual(['harbour']);
    expect((await store.listStories({ query: 'zeppelin' })).total).toBe(0);
  });

  it('sets aside an article the engine throws on, and places the rest of its batch', async () => {
    const before = await store.countArticles();
    const failing = new Corpus(store, (state) => {
      const engine = testEngine(state);
      return {
        ...engine,
        add: (a) =>
          a.id === 'bad'
            ? (() => {
                throw new Error('engine exploded');
              })()
            : engine.add(a),
      };
    });
    const results = await failing.add([doc('ok1', 'harbour cranes restart.'), doc('bad', 'harbour again.')]);
    expect(results[0]).toMatchObject({ id: 'ok1', created: true });
    expect(results[1]).toMatchObject({
      id: '',
      created: false,
      failed: expect.stringContaining('engine exploded'),
    });
    expect(await store.countArticles()).toBe(before + 1);
    expect(await store.getArticle('bad')).toBeNull();
    // Set aside, it no longer counts as waiting, so workers can go idle.
    expect(await failing.pendingCount()).toBe(0);
  });
});
