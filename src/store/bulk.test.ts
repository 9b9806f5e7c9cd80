import { afterEach, describe, expect, it } from 'vitest';
import type { RawDocument } from '../ingest/index.ts';
import { BulkIngest } from './bulk.ts';
import { Corpus, type EngineFactory, type IngestResult } from './corpus.ts';
import { createCorpusEngine } from './engine.ts';
import type { Store } from './store.ts';
import { openTestStore, testDatabases } from './testing.ts';

const doc = (id: string, content: string): RawDocument => ({
  id,
  source: { path: 'test' },
  format: 'text',
  content,
  meta: { outlet: `Outlet ${id}` },
});

const batch = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) =>
    doc(
      `${prefix}${i}`,
      `Flood barriers on the Varna river held overnight, officials said, as the water rose ${i + 2} metres. Crews from ${prefix.toUpperCase()} district number ${i} stayed on the banks.`,
    ),
  );

describe('BulkIngest', () => {
  let store: Store | undefined;
  afterEach(async () => store?.close());

  it('places batches in order with two in flight, and builds the stories only when finishing', async () => {
    store = await openTestStore(testDatabases()[0]!);
    const corpus = new Corpus(store, createCorpusEngine);
    const seen: IngestResult[][] = [];
    // No rebuild while adding: the interval is far longer than the test.
    const bulk = new BulkIngest(corpus, (results) => seen.push(results), 60_000);
    await bulk.add(batch('a', 3));
    await bulk.add(batch('b', 2));
    await bulk.add([...batch('c', 2), doc('a0-again', batch('a', 1)[0]!.content)]);
    await bulk.drain();
    expect(seen.map((results) => results.map((r) => r.created))).toEqual([
      [true, true, true],
      [true, true],
      [true, true, false],
    ]);
    expect(await store.countArticles()).toBe(7);
    expect((await store.listStories({ limit: 10 })).total).toBe(0);
    const rebuilt = await bulk.finish();
    expect(rebuilt).toBeGreaterThan(0);
    const { total, stories } = await store.listStories({ limit: 10 });
    expect(total).toBe(rebuilt);
    expect(stories.reduce((n, s) => n + s.articleCount, 0)).toBe(7);
  });

  it('reports a failed batch from the call that waits for it; the next batch places what it left', async () => {
    store = await openTestStore(testDatabases()[0]!);
    // The real engine, except that it fails once on a marked article, as a lost connection would.
    let failures = 1;
    const failing: EngineFactory = (state) => {
      const engine = createCorpusEngine(state);
      return {
        add: (article) => {
          if (article.text.includes('SABOTAGE') && failures-- > 0) throw new Error('engine failed');
          return engine.add(article);
        },
        takeMerges: () => engine.takeMerges(),
        toJSON: () => engine.toJSON(),
      };
    };
    const bulk = new BulkIngest(new Corpus(store, failing), () => {}, 60_000);
    await bulk.add(batch('a', 2));
    await bulk.add([doc('bad', 'SABOTAGE in the flood barrier control room.')]);
    await expect(bulk.add(batch('c', 2))).rejects.toThrow('engine failed');
    await bulk.drain();
    // The failed batch's placement rolled back and its document stayed queued: the next batch placed it
    // first, in input order, then its own.
    expect(await store.allArticleIds()).toEqual(['a0', 'a1', 'bad', 'c0', 'c1']);
  });
});
